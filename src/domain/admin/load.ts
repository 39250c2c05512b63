// Scoped loading of map records for the admin console: a record outside the
// administrator's communities is answered like one that does not exist (404).
import { courtyardScope, communityScope, gridScope } from "@/server/authz/scope";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, isUniqueViolation, notFoundError } from "@/server/errors";

export async function loadCommunity(actor: Actor, id: string) {
  const community = await db.community.findFirst({
    where: { AND: [{ id }, communityScope(actor, "map.configure")] },
    include: { street: { select: { id: true, name: true, active: true } } },
  });
  if (!community) throw notFoundError();
  return community;
}

export async function loadGrid(actor: Actor, id: string) {
  const grid = await db.grid.findFirst({
    where: { AND: [{ id }, gridScope(actor, "map.configure")] },
    include: { community: { select: { id: true, name: true, active: true } } },
  });
  if (!grid) throw notFoundError();
  return grid;
}

export async function loadCourtyard(actor: Actor, id: string) {
  const courtyard = await db.courtyard.findFirst({
    where: { AND: [{ id }, courtyardScope(actor, "map.configure")] },
    include: { grid: { select: { id: true, name: true, active: true, communityId: true } } },
  });
  if (!courtyard) throw notFoundError();
  return courtyard;
}

export async function loadBuilding(actor: Actor, id: string) {
  const building = await db.building.findFirst({
    where: { AND: [{ id }, { courtyard: courtyardScope(actor, "map.configure") }] },
    include: { courtyard: { select: { id: true, name: true, active: true, grid: { select: { communityId: true } } } } },
  });
  if (!building) throw notFoundError();
  return building;
}

/** A name already used under the same parent: a clear message, mentioning when it is deactivated. */
export function assertNameFree(found: { active: boolean } | null, key: string, params: Record<string, string>) {
  if (found) throw new AppError("conflict", found.active ? key : `${key}Inactive`, params);
}

/** The database's unique index settles a race the check above lost. */
export async function uniquely<T>(key: string, params: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", key, params);
    throw error;
  }
}

export const inactiveParent = () => new AppError("conflict", "admin.parentInactive");
export const staleRecord = () => new AppError("conflict", "admin.staleRecord");
