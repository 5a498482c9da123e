/** A user of an identity provider, by user name (e-mail). */
export interface RoleUser {
  /** The user's name (e-mail) at the identity provider. */
  readonly user: string;

  /**
   * The identity provider's origin key.
   *
   * @default - the default identity provider (SAP ID service)
   */
  readonly origin?: string;
}

/** A group of a custom identity provider: BTP maps groups from one only. */
export interface RoleGroup {
  /** The group's name at the identity provider. */
  readonly group: string;

  /** The identity provider's origin key. */
  readonly origin: string;
}

/** Who gets a role collection: a user's e-mail (default identity provider), a {@link RoleUser} or a {@link RoleGroup}. */
export type RoleMember = string | RoleUser | RoleGroup;
