import { subaccountRoleCollectionAssignment } from "@cdktf/provider-btp";
import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { RoleMember } from "../role-member";
import { templateLiteral } from "./terraform-strings";
import { earlierIndex, quoted, validateName } from "./validation";

/** What a member is, as the assignment resource takes it. */
interface Member {
  readonly kind: "user" | "group";
  readonly name: string;
  readonly origin?: string;
}

function memberOf(member: RoleMember): Member {
  if (typeof member === "string") return { kind: "user", name: member };
  return "group" in member
    ? { kind: "group", name: member.group, origin: member.origin }
    : { kind: "user", name: member.user, origin: member.origin };
}

/** A member's assignment id: the user alone for a user of the default provider, as assignments were always named. */
function idOf(prefix: string, member: Member): string {
  const origin = member.origin === undefined ? "" : `@${member.origin}`;
  return member.kind === "user"
    ? `${prefix}-${member.name}${origin}`
    : `${prefix}-group-${member.name}${origin}`;
}

/**
 * The problems of a list of members, `field` naming the list: each a user or a group with a name, a
 * group with the origin it comes from, none listed twice.
 */
export function validateRoleMembers(field: string, members: readonly RoleMember[] | undefined): string[] {
  if (members === undefined) return [];
  if (!Array.isArray(members)) return [`${field} ${quoted(members)} must be a list of users or groups`];
  const ids = members.map((member) =>
    member !== null && (typeof member === "string" || typeof member === "object")
      ? idOf("", memberOf(member))
      : "",
  );
  return members.flatMap((member, i) => {
    const at = `${field}[${i}]`;
    if (typeof member === "string") {
      return [
        ...validateName(at, member),
        ...(earlierIndex(ids, i) !== undefined ? [`${at} ${quoted(member)} is listed twice`] : []),
      ];
    }
    if (member === null || typeof member !== "object" || "user" in member === "group" in member) {
      return [
        `${at} must be a user's e-mail, {"user": ..., "origin"?: ...} or {"group": ..., "origin": ...}`,
      ];
    }
    const { kind, name, origin } = memberOf(member);
    return [
      ...validateName(`${at}.${kind}`, name),
      ...(kind === "group" && origin === undefined
        ? [`${at}.origin is required for a group: groups come from a custom identity provider`]
        : []),
      ...(origin === undefined ? [] : validateName(`${at}.origin`, origin)),
      ...(earlierIndex(ids, i) !== undefined ? [`${at} ${quoted(name)} is listed twice`] : []),
    ];
  });
}

/**
 * One assignment of `roleCollectionName` in `subaccountId` per member, in `scope`, each named after
 * its member so that removing one from the list leaves the others' in place.
 */
export function assignRoleCollection(
  scope: Construct,
  idPrefix: string,
  props: {
    readonly subaccountId: string;
    readonly roleCollectionName: string;
    readonly members: readonly RoleMember[];
    readonly dependsOn?: ITerraformDependable[];
  },
): subaccountRoleCollectionAssignment.SubaccountRoleCollectionAssignment[] {
  return props.members.map(memberOf).map(
    (member) =>
      new subaccountRoleCollectionAssignment.SubaccountRoleCollectionAssignment(
        scope,
        idOf(idPrefix, member),
        {
          subaccountId: props.subaccountId,
          roleCollectionName: props.roleCollectionName,
          ...(member.kind === "user"
            ? { userName: templateLiteral(member.name) }
            : { groupName: templateLiteral(member.name) }),
          origin: member.origin === undefined ? undefined : templateLiteral(member.origin),
          dependsOn: props.dependsOn,
        },
      ),
  );
}
