// Which communities an administrator reaches. An ADMIN assignment without a community
// covers the whole map; with one, only that community (docs/decisions/005, 011). Reads go
// through the `where` fragments here, so that what lies outside is simply not found.
import type { Prisma } from "@/generated/prisma/client";
import { permissions, type Actor, type Operation } from "@/server/authz/permissions";

export type Reach = "all" | string[];

export function reachOf(actor: Actor, operation: Operation): Reach {
  const allowed: readonly string[] = permissions[operation].roles;
  const ids = new Set<string>();
  for (const a of actor.roles) {
    if (a.role !== "ADMIN" || !allowed.includes(a.role)) continue;
    if (a.communityId === null) return "all";
    ids.add(a.communityId);
  }
  return [...ids];
}

export const reaches = (reach: Reach, communityId: string | null | undefined) =>
  reach === "all" || (!!communityId && reach.includes(communityId));

const NOTHING = { id: { in: [] as string[] } };

/** Users with any role or home inside the communities the administrator manages. */
export function userScope(actor: Actor): Prisma.UserWhereInput {
  const reach = reachOf(actor, "users.manage");
  if (reach === "all") return {};
  if (reach.length === 0) return NOTHING;
  const inside = { in: reach };
  return {
    OR: [
      { roles: { some: { OR: [{ communityId: inside }, { grid: { communityId: inside } }, { courtyard: { grid: { communityId: inside } } }] } } },
      { residences: { some: { courtyard: { grid: { communityId: inside } } } } },
    ],
  };
}

/** Role assignments the administrator may see and change (global ADMIN rows only when unscoped). */
export function assignmentScope(actor: Actor): Prisma.RoleAssignmentWhereInput {
  const reach = reachOf(actor, "users.manage");
  if (reach === "all") return {};
  if (reach.length === 0) return NOTHING;
  const inside = { in: reach };
  return { OR: [{ communityId: inside }, { grid: { communityId: inside } }, { courtyard: { grid: { communityId: inside } } }] };
}

/** Audit entries of the communities the administrator reaches; global entries only when unscoped. */
export function auditScope(actor: Actor): Prisma.AuditLogWhereInput {
  const reach = reachOf(actor, "audit.view");
  if (reach === "all") return {};
  return reach.length ? { communityId: { in: reach } } : NOTHING;
}
