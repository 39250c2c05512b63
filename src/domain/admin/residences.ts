// Residents' homes (courtyard, building, unit, room). A home makes its person a resident of
// the courtyard: recording one adds the RESIDENT role there, removing the last one there
// removes it.
import type { Actor } from "@/server/authz/permissions";
import { courtyardScope } from "@/server/authz/scope";
import { db } from "@/server/db/client";
import { AppError, notFoundError } from "@/server/errors";
import { recordAudit } from "./audit";
import { staleRecord } from "./load";
import { findBuilding, unitLabel } from "./names";
import { loadUser } from "./people-scope";
import { homeFields } from "./schemas";

export type HomeInput = { buildingNumber?: string; unit?: string; room?: string };

/** The residence row for a courtyard, with the building matched by its number. */
export async function homeFor(courtyardId: string, home: HomeInput) {
  let buildingId: string | null = null;
  if (home.buildingNumber?.trim()) {
    const buildings = await db.building.findMany({ where: { courtyardId, active: true }, select: { id: true, number: true } });
    const building = findBuilding(buildings, home.buildingNumber);
    if (!building) throw new AppError("invalid_input", "admin.buildingNotFound", { number: home.buildingNumber.trim() });
    buildingId = building.id;
  }
  return { courtyardId, buildingId, unit: unitLabel(home.unit ?? ""), room: home.room?.trim() ?? "" };
}

export async function addResidence(actor: Actor, userId: string, input: unknown) {
  const data = homeFields.parse(input);
  const user = await loadUser(actor, userId);
  const courtyard = await db.courtyard.findFirst({
    where: { AND: [{ id: data.courtyardId, active: true }, courtyardScope(actor, "users.manage")] },
    include: { grid: { select: { communityId: true } } },
  });
  if (!courtyard) throw new AppError("invalid_input", "admin.scopeInvalid");
  const home = await homeFor(courtyard.id, data);
  return db.$transaction(async (tx) => {
    if (await tx.residence.findFirst({ where: { userId, courtyardId: courtyard.id } })) throw new AppError("conflict", "admin.homeExists");
    const residence = await tx.residence.create({ data: { userId, ...home } });
    const role = await tx.roleAssignment.findFirst({ where: { userId, role: "RESIDENT", courtyardId: courtyard.id } });
    if (!role) await tx.roleAssignment.create({ data: { userId, role: "RESIDENT", courtyardId: courtyard.id } });
    await recordAudit(tx, actor, {
      action: "residence.add",
      entityType: "residence",
      entityId: residence.id,
      communityId: courtyard.grid.communityId,
      after: { name: user.name, courtyard: courtyard.name, building: data.buildingNumber, unit: home.unit, room: home.room },
    });
    return { id: residence.id };
  });
}

export async function removeResidence(actor: Actor, residenceId: string) {
  const residence = await db.residence.findFirst({
    where: { AND: [{ id: residenceId }, { courtyard: courtyardScope(actor, "users.manage") }] },
    include: {
      user: { select: { name: true } },
      courtyard: { select: { name: true, grid: { select: { communityId: true } } } },
      building: { select: { number: true } },
    },
  });
  if (!residence) throw notFoundError();
  await db.$transaction(async (tx) => {
    const { count } = await tx.residence.deleteMany({ where: { id: residenceId } });
    if (count === 0) throw staleRecord();
    const others = await tx.residence.count({ where: { userId: residence.userId, courtyardId: residence.courtyardId } });
    if (others === 0) await tx.roleAssignment.deleteMany({ where: { userId: residence.userId, role: "RESIDENT", courtyardId: residence.courtyardId } });
    await recordAudit(tx, actor, {
      action: "residence.remove",
      entityType: "residence",
      entityId: residenceId,
      communityId: residence.courtyard.grid.communityId,
      before: {
        name: residence.user.name,
        courtyard: residence.courtyard.name,
        building: residence.building?.number ?? "",
        unit: residence.unit,
        room: residence.room,
      },
    });
  });
  return { userId: residence.userId };
}
