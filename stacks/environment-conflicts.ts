import {
  ApiManagementDestination,
  ApiManagementSourceAdoption,
  ApiPortalServiceInstance,
} from "../constructs";
import { BackendConfig, stateLocation } from "./backend";

/** What the conflict rules read of an environment. */
interface PlacedEnvironment {
  readonly name: string;
  readonly subaccountId: string;
  readonly backend?: BackendConfig;
  readonly sharedSubaccount?: boolean;
  readonly destinationName?: string;
  readonly serviceInstanceName?: string;
  readonly createEntitlement?: boolean;
  readonly adopt?: ApiManagementSourceAdoption;
}

/** BTP compares GUIDs without regard to letter case, so these rules do too. */
const id = (value: string) => value.toLowerCase();

/** Environments that would fight over one state or one subaccount's objects. */
export function environmentConflicts(environments: readonly PlacedEnvironment[]): string[] {
  const problems: string[] = [];
  const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(" and ");

  for (const [location, names] of sameKey(environments, (e) => stateLocation(e.name, e.backend))) {
    problems.push(`environments ${list(names)}: share one Terraform state (${location}); each needs its own`);
  }
  for (const [field, adopted] of [
    ["adopt.serviceInstanceId", (e: PlacedEnvironment) => e.adopt?.serviceInstanceId],
    ["adopt.serviceKeyId", (e: PlacedEnvironment) => e.adopt?.serviceKeyId],
  ] as const) {
    const adopting = environments.filter((e) => typeof adopted(e) === "string");
    for (const [value, names] of sameKey(adopting, (e) => id(adopted(e) as string))) {
      problems.push(
        `environments ${list(names)}: ${field} ${JSON.stringify(value)} is adopted by more than one environment; ` +
          "one object can be in one Terraform state only",
      );
    }
  }
  for (const [subaccountId, names] of sameKey(environments, (e) => id(e.subaccountId))) {
    const sharing = environments.filter((e) => names.includes(e.name));
    if (sharing.some((e) => e.sharedSubaccount !== true)) {
      problems.push(
        `environments ${list(names)}: subaccountId ${JSON.stringify(subaccountId)} is in more than one environment; ` +
          'if that is meant, set "sharedSubaccount": true on each of them',
      );
      continue;
    }
    const owners = sharing.filter((e) => e.createEntitlement !== false).map((e) => e.name);
    if (owners.length > 1) {
      problems.push(
        `environments ${list(owners)}: share subaccount ${subaccountId} and each declares its API portal entitlement; ` +
          'one Terraform state must own it: set "createEntitlement": false on all but one of them',
      );
    }
    for (const [field, value] of [
      [
        "destinationName",
        (e: PlacedEnvironment) => e.destinationName ?? ApiManagementDestination.DEFAULT_NAME,
      ],
      [
        "serviceInstanceName",
        (e: PlacedEnvironment) => e.serviceInstanceName ?? ApiPortalServiceInstance.DEFAULT_NAME,
      ],
    ] as const) {
      for (const [name, same] of sameKey(sharing, value)) {
        problems.push(
          `environments ${list(same)}: share subaccount ${subaccountId} and ${field} ${JSON.stringify(name)}; ` +
            "one subaccount cannot hold two of one name",
        );
      }
    }
  }
  return problems;
}

/** The names of the environments that share a key, by key, where more than one does. */
function sameKey(
  environments: readonly PlacedEnvironment[],
  key: (e: PlacedEnvironment) => string,
): Array<[string, string[]]> {
  const byKey = new Map<string, string[]>();
  for (const e of environments) byKey.set(key(e), [...(byKey.get(key(e)) ?? []), e.name]);
  return [...byKey].filter(([, names]) => names.length > 1);
}
