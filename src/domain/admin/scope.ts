// Which communities an administrator reaches. An ADMIN assignment without a community
// covers the whole map; with one, only that community (docs/decisions/005, 011). Each is a
// view of reach(actor, operation) (src/server/authz/permissions.ts), so that the console's
// lists agree with can(); what lies outside is simply not found.
import type { Prisma } from "@/generated/prisma/client";
import { reach, type Actor, type Operation } from "@/server/authz/permissions";
import { assignmentsIn, auditIn, usersIn } from "@/server/authz/scope";

/** The communities reached, or all of them. The console's operations are granted to administrators only, who reach whole communities. */
export type CommunityReach = "all" | string[];

export function reachOf(actor: Actor, operation: Operation): CommunityReach {
  const r = reach(actor, operation);
  return r.everywhere ? "all" : [...r.communities];
}

export const reaches = (reach: CommunityReach, communityId: string | null | undefined) => reach === "all" || (!!communityId && reach.includes(communityId));

/** Users with any role or home inside the communities the administrator manages. */
export const userScope = (actor: Actor): Prisma.UserWhereInput => usersIn(reach(actor, "users.manage"));

/** Role assignments the administrator may see and change (global ADMIN rows only when unscoped). */
export const assignmentScope = (actor: Actor): Prisma.RoleAssignmentWhereInput => assignmentsIn(reach(actor, "users.manage"));

/** Audit entries of the communities the administrator reaches; global entries only when unscoped. */
export const auditScope = (actor: Actor): Prisma.AuditLogWhereInput => auditIn(reach(actor, "audit.view"));
