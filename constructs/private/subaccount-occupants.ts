/**
 * The one rule of what a subaccount can hold, for the constructs of one stack and for the
 * environments of one file alike; not part of the package's API.
 */

/** One setup in a subaccount: an ApiManagementSource, or an environment. */
export interface SubaccountOccupant {
  /** How the messages name it: `environment "dev"`, or a construct path. */
  readonly label: string;
  /** The subaccount it sets up, by ID. */
  readonly subaccountId: string;
  /** The name of the destination it creates there. */
  readonly destinationName: string;
  /** The name of the API portal service instance it creates or adopts there. */
  readonly serviceInstanceName: string;
  /** Whether it declares the subaccount's API portal entitlement (creates or adopts it). */
  readonly declaresEntitlement: boolean;
}

/**
 * Problems of setups that share a subaccount (compared without regard to case, as BTP compares
 * GUIDs): two destinations or instances of one name, and more than one setup declaring the
 * entitlement, which one Terraform resource must own.
 */
export function subaccountClashes(occupants: readonly SubaccountOccupant[]): string[] {
  const problems: string[] = [];
  const list = (group: readonly SubaccountOccupant[]) => group.map((o) => o.label).join(" and ");
  for (const sharing of groups(occupants, (o) => o.subaccountId.toLowerCase())) {
    const subaccount = sharing[0].subaccountId;
    for (const field of ["destinationName", "serviceInstanceName"] as const) {
      for (const same of groups(sharing, (o) => o[field])) {
        problems.push(
          `${list(same)} share subaccount ${subaccount} and ${field} ${JSON.stringify(same[0][field])}; ` +
            "one subaccount cannot hold two of one name",
        );
      }
    }
    const owners = sharing.filter((o) => o.declaresEntitlement);
    if (owners.length > 1) {
      problems.push(
        `${list(owners)} share subaccount ${subaccount} and each declares its API portal entitlement; ` +
          "one Terraform resource must own it: set createEntitlement false on all but one",
      );
    }
  }
  return problems;
}

/** The groups of more than one that share a key, in the order of their first member. */
export function groups<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) byKey.set(key(item), [...(byKey.get(key(item)) ?? []), item]);
  return [...byKey.values()].filter((group) => group.length > 1);
}
