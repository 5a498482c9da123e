import { BackendConfig, stateLocation } from "./backend";

/** What the conflict rules read of an environment. */
interface PlacedEnvironment {
  readonly name: string;
  readonly subaccountId: string;
  readonly backend?: BackendConfig;
  readonly sharedSubaccount?: boolean;
  readonly destinationName?: string;
  readonly serviceInstanceName?: string;
}

/** Environments that would fight over one state or one subaccount's objects. */
export function environmentConflicts(environments: readonly PlacedEnvironment[]): string[] {
  const problems: string[] = [];
  const groups = (key: (e: PlacedEnvironment) => string) => {
    const byKey = new Map<string, string[]>();
    for (const e of environments) byKey.set(key(e), [...(byKey.get(key(e)) ?? []), e.name]);
    return [...byKey].filter(([, names]) => names.length > 1);
  };
  const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(" and ");

  for (const [location, names] of groups((e) => stateLocation(e.name, e.backend))) {
    problems.push(`environments ${list(names)}: share one Terraform state (${location}); each needs its own`);
  }
  for (const [subaccountId, names] of groups((e) => e.subaccountId)) {
    const unmarked = environments.filter((e) => names.includes(e.name) && e.sharedSubaccount !== true);
    if (unmarked.length > 0) {
      problems.push(
        `environments ${list(names)}: subaccountId ${JSON.stringify(subaccountId)} is in more than one environment; ` +
          'if that is meant, set "sharedSubaccount": true on each of them',
      );
      continue;
    }
    const sharing = environments.filter((e) => names.includes(e.name));
    for (const [field, value] of [
      ["destinationName", (e: PlacedEnvironment) => e.destinationName ?? "APIManagement"],
      ["serviceInstanceName", (e: PlacedEnvironment) => e.serviceInstanceName ?? "apim-content-transport"],
    ] as const) {
      const seen = new Map<string, string[]>();
      for (const e of sharing) seen.set(value(e), [...(seen.get(value(e)) ?? []), e.name]);
      for (const [name, same] of seen) {
        if (same.length > 1) {
          problems.push(
            `environments ${list(same)}: share subaccount ${subaccountId} and ${field} ${JSON.stringify(name)}; ` +
              "one subaccount cannot hold two of one name",
          );
        }
      }
    }
  }
  return problems;
}
