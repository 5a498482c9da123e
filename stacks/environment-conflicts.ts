import {
  ApiManagementDestination,
  ApiManagementSource,
  ApiManagementSourceAdoption,
  ApiPortalServiceInstance,
  SubaccountOccupant,
} from "btp-apim-transport-destination";
import { stateLocation } from "./backend";
import { BackendEntry } from "./environments-file";

/** What the conflict rules read of an environment. */
interface PlacedEnvironment {
  readonly name: string;
  readonly subaccountId: string;
  readonly backend?: BackendEntry;
  readonly sharedSubaccount?: boolean;
  readonly destinationName?: string;
  readonly serviceInstanceName?: string;
  readonly createEntitlement?: boolean;
  readonly adopt?: ApiManagementSourceAdoption;
}

const label = (e: PlacedEnvironment) => `environment ${JSON.stringify(e.name)}`;
const labels = (group: readonly PlacedEnvironment[]) => group.map(label).join(" and ");

/**
 * Environments that would fight over one state or one object. What one subaccount can hold is the
 * constructs' own rule (ApiManagementSource.subaccountClashes); here, across environments: states, adopted objects,
 * and a subaccount in more than one environment that none said it shares.
 */
export function environmentConflicts(environments: readonly PlacedEnvironment[]): string[] {
  const problems = stateClashes(environments.map(stateOwnerOf));
  for (const field of ["serviceInstanceId", "serviceKeyId"] as const) {
    const adopting = environments.filter((e) => typeof e.adopt?.[field] === "string");
    // BTP compares GUIDs without regard to letter case, so this rule does too.
    for (const same of groups(adopting, (e) => (e.adopt?.[field] as string).toLowerCase())) {
      problems.push(
        `${labels(same)}: adopt.${field} ${JSON.stringify(same[0].adopt?.[field])} is adopted by more than one ` +
          "environment; one object can be in one Terraform state only",
      );
    }
  }
  const unsaid = groups(environments, (e) => e.subaccountId.toLowerCase()).filter((same) =>
    same.some((e) => e.sharedSubaccount !== true),
  );
  for (const same of unsaid) {
    problems.push(
      `${labels(same)}: subaccountId ${JSON.stringify(same[0].subaccountId)} is in more than one environment; ` +
        'if that is meant, set "sharedSubaccount": true on each of them',
    );
  }
  const said = environments.filter((e) => !unsaid.some((same) => same.includes(e)));
  problems.push(...ApiManagementSource.subaccountClashes(said.map(occupantOf)));
  return problems;
}

/** A stack's claim on a Terraform state: how messages name it, its name (the local default's) and its backend. */
export interface StateOwner {
  readonly label: string;
  readonly name: string;
  readonly backend?: BackendEntry;
}

/**
 * Stacks that would share one Terraform state, each group said once: the later apply would
 * overwrite the earlier one's state, and destroy what it no longer finds in its own.
 */
export function stateClashes(owners: readonly StateOwner[]): string[] {
  return groups(owners, (o) => stateLocation(o.name, o.backend)).map(
    (same) =>
      `${same.map((o) => o.label).join(" and ")} share one Terraform state (${stateLocation(same[0].name, same[0].backend)}); each needs its own`,
  );
}

/** An environment's claim on a Terraform state. */
export function stateOwnerOf(e: PlacedEnvironment): StateOwner {
  return { label: label(e), name: e.name, backend: e.backend };
}

/** What an environment puts into its subaccount, as the subaccount rule reads it. */
export function occupantOf(e: PlacedEnvironment): SubaccountOccupant {
  return {
    label: label(e),
    subaccountId: e.subaccountId,
    destinationName: e.destinationName ?? ApiManagementDestination.DEFAULT_NAME,
    serviceInstanceName: e.serviceInstanceName ?? ApiPortalServiceInstance.DEFAULT_NAME,
    declaresEntitlement: e.createEntitlement !== false,
  };
}

/** The groups of more than one that share a key, in the order of their first member. */
function groups<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) byKey.set(key(item), [...(byKey.get(key(item)) ?? []), item]);
  return [...byKey.values()].filter((group) => group.length > 1);
}
