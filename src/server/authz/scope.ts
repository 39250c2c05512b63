// Scoped queries: Prisma `where` fragments that return only what an actor may see for an
// operation. Reads go through these so that a forbidden record is simply not found.
import type { Prisma } from "@/generated/prisma/client";
import { AppError, notFoundError } from "@/server/errors";
import { can, permissions, type Actor, type Location, type Operation } from "./permissions";

const NOTHING = { id: { in: [] as string[] } };
const EVERYTHING = {};

/** OR of the conditions; an unscoped administrator (null) sees everything. */
function anyOf<T extends object>(conditions: (T | null)[]): T {
  if (conditions.includes(null)) return EVERYTHING as T;
  return (conditions.length ? { OR: conditions } : NOTHING) as T;
}

function assignmentsFor(actor: Actor | null, operation: Operation) {
  if (!actor) return [];
  const allowed: readonly string[] = permissions[operation].roles;
  return actor.roles.filter((a) => allowed.includes(a.role));
}

/** Throws not_found (answered as 404) unless the actor may perform the operation there. */
export function assertCan(actor: Actor | null, operation: Operation, target?: Location): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated");
  if (!can(actor, operation, target)) throw notFoundError();
}

export function courtyardScope(actor: Actor | null, operation: Operation): Prisma.CourtyardWhereInput {
  const or: (Prisma.CourtyardWhereInput | null)[] = [];
  for (const a of assignmentsFor(actor, operation)) {
    if ((a.role === "RESIDENT" || a.role === "BRANCH_SECRETARY") && a.courtyardId) or.push({ id: a.courtyardId });
    if (a.role === "GRID_WORKER" && a.gridId) or.push({ gridId: a.gridId });
    if (a.role === "STAFF" && a.communityId) or.push({ grid: { communityId: a.communityId } });
    if (a.role === "ADMIN") or.push(a.communityId ? { grid: { communityId: a.communityId } } : null);
  }
  return anyOf(or);
}

export function gridScope(actor: Actor | null, operation: Operation): Prisma.GridWhereInput {
  const or: (Prisma.GridWhereInput | null)[] = [];
  for (const a of assignmentsFor(actor, operation)) {
    if (a.role === "GRID_WORKER" && a.gridId) or.push({ id: a.gridId });
    if (a.role === "STAFF" && a.communityId) or.push({ communityId: a.communityId });
    if (a.role === "ADMIN") or.push(a.communityId ? { communityId: a.communityId } : null);
  }
  return anyOf(or);
}

export function communityScope(actor: Actor | null, operation: Operation): Prisma.CommunityWhereInput {
  const or: (Prisma.CommunityWhereInput | null)[] = [];
  for (const a of assignmentsFor(actor, operation)) {
    if (a.role === "STAFF" && a.communityId) or.push({ id: a.communityId });
    if (a.role === "ADMIN") or.push(a.communityId ? { id: a.communityId } : null);
  }
  return anyOf(or);
}
