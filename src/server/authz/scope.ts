// Scoped queries: Prisma `where` fragments that return only what an actor may see for an
// operation. Each is a translation of reach() (./permissions.ts) — the same answer can()
// gives for one record — so that a list and a check never disagree; a test on the demo city
// compares them row by row (tests/integration/reach.test.ts). A forbidden record is simply
// not found.
import type { Prisma } from "@/generated/prisma/client";
import { AppError, notFoundError } from "@/server/errors";
import { can, reach, reachesNothing, type Actor, type Location, type Operation, type Reach } from "./permissions";

const NOTHING = { id: { in: [] as string[] } };
const ids = (set: ReadonlySet<string>) => ({ in: [...set] });

/** OR of the parts the reach has; everything when it reaches everywhere, nothing when empty. */
function anyOf<T extends object>(r: Reach, parts: (T | null)[]): T {
  if (r.everywhere) return {} as T;
  const present = parts.filter((p): p is T => p !== null);
  if (present.length === 0) return NOTHING as T;
  return (present.length === 1 ? present[0] : { OR: present }) as T;
}

/** Courtyards in reach (a courtyard where only one's own records are reached still counts as a place). */
export function courtyardsIn(r: Reach): Prisma.CourtyardWhereInput {
  const courtyards = new Set([...r.courtyards, ...r.own]);
  return anyOf<Prisma.CourtyardWhereInput>(r, [
    courtyards.size ? { id: ids(courtyards) } : null,
    r.grids.size ? { gridId: ids(r.grids) } : null,
    r.communities.size ? { grid: { communityId: ids(r.communities) } } : null,
  ]);
}

/** Grids in reach: a courtyard's reach does not extend to its grid. */
export function gridsIn(r: Reach): Prisma.GridWhereInput {
  return anyOf<Prisma.GridWhereInput>(r, [r.grids.size ? { id: ids(r.grids) } : null, r.communities.size ? { communityId: ids(r.communities) } : null]);
}

export function communitiesIn(r: Reach): Prisma.CommunityWhereInput {
  return anyOf<Prisma.CommunityWhereInput>(r, [r.communities.size ? { id: ids(r.communities) } : null]);
}

/** Orders in reach, by where they sit (their responsible grid, not the courtyard's) and, for own-only roles, who asked. */
export function ordersIn(r: Reach): Prisma.OrderWhereInput {
  return anyOf<Prisma.OrderWhereInput>(r, [
    r.communities.size ? { communityId: ids(r.communities) } : null,
    r.grids.size ? { gridId: ids(r.grids) } : null,
    r.courtyards.size ? { courtyardId: ids(r.courtyards) } : null,
    r.mine && r.userId ? { requesterId: r.userId } : r.own.size && r.userId ? { requesterId: r.userId, courtyardId: ids(r.own) } : null,
  ]);
}

/** Role assignments whose place is in reach; a global administrator's (no place) only when everywhere. */
export function assignmentsIn(r: Reach): Prisma.RoleAssignmentWhereInput {
  return anyOf<Prisma.RoleAssignmentWhereInput>(r, [
    r.communities.size ? { communityId: ids(r.communities) } : null,
    r.communities.size + r.grids.size ? { grid: gridsIn(r) } : null,
    reachesNothing(r) ? null : { courtyard: courtyardsIn(r) },
  ]);
}

/** People with a role or a home in reach; someone holding nothing on the map only when everywhere. */
export function usersIn(r: Reach): Prisma.UserWhereInput {
  if (reachesNothing(r)) return NOTHING;
  return anyOf<Prisma.UserWhereInput>(r, [{ roles: { some: assignmentsIn(r) } }, { residences: { some: { courtyard: courtyardsIn(r) } } }]);
}

/** Audit entries of the communities in reach; entries about no community only when everywhere. */
export function auditIn(r: Reach): Prisma.AuditLogWhereInput {
  return anyOf<Prisma.AuditLogWhereInput>(r, [r.communities.size ? { communityId: ids(r.communities) } : null]);
}

/** Throws not_found (answered as 404) unless the actor may perform the operation there. */
export function assertCan(actor: Actor | null, operation: Operation, target?: Location): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated");
  if (!can(actor, operation, target)) throw notFoundError();
}

export const courtyardScope = (actor: Actor | null, operation: Operation): Prisma.CourtyardWhereInput => courtyardsIn(reach(actor, operation));
export const gridScope = (actor: Actor | null, operation: Operation): Prisma.GridWhereInput => gridsIn(reach(actor, operation));
export const communityScope = (actor: Actor | null, operation: Operation): Prisma.CommunityWhereInput => communitiesIn(reach(actor, operation));
