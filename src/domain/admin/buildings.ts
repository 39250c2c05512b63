// Buildings (楼栋) of a courtyard: number (unique in the courtyard), units, floors and the
// building head (楼栋长).
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { changes, recordAudit } from "./audit";
import { assertNameFree, inactiveParent, loadBuilding, loadCourtyard, staleRecord, uniquely } from "./load";
import { buildingFields, buildingInput } from "./schemas";

export async function createBuilding(actor: Actor, input: unknown) {
  const data = buildingInput.parse(input);
  const courtyard = await loadCourtyard(actor, data.courtyardId);
  if (!courtyard.active) throw inactiveParent();
  const params = { name: data.number, parent: courtyard.name };
  assertNameFree(await db.building.findFirst({ where: { courtyardId: courtyard.id, number: data.number } }), "admin.buildingNumberTaken", params);
  return uniquely("admin.buildingNumberTaken", params, () =>
    db.$transaction(async (tx) => {
      const building = await tx.building.create({ data });
      await recordAudit(tx, actor, {
        action: "building.create",
        entityType: "building",
        entityId: building.id,
        communityId: courtyard.grid.communityId,
        after: { name: `${courtyard.name} ${data.number}`, units: data.units, floors: data.floors, headName: data.headName },
      });
      return { id: building.id };
    }),
  );
}

export async function updateBuilding(actor: Actor, id: string, input: unknown) {
  const data = buildingFields.parse(input);
  const building = await loadBuilding(actor, id);
  const diff = changes({ number: building.number, units: building.units, floors: building.floors, headName: building.headName }, data);
  if (!diff.changed) return { id };
  const params = { name: data.number, parent: building.courtyard.name };
  assertNameFree(
    await db.building.findFirst({ where: { courtyardId: building.courtyardId, number: data.number, id: { not: id } } }),
    "admin.buildingNumberTaken",
    params,
  );
  await uniquely("admin.buildingNumberTaken", params, () =>
    db.$transaction(async (tx) => {
      await tx.building.update({ where: { id }, data });
      await recordAudit(tx, actor, {
        action: "building.update",
        entityType: "building",
        entityId: id,
        communityId: building.courtyard.grid.communityId,
        before: { name: `${building.courtyard.name} ${building.number}`, ...diff.before },
        after: { name: `${building.courtyard.name} ${data.number}`, ...diff.after },
      });
    }),
  );
  return { id };
}

export async function setBuildingActive(actor: Actor, id: string, active: boolean) {
  const building = await loadBuilding(actor, id);
  if (building.active === active) return { id };
  if (active && !building.courtyard.active) throw inactiveParent();
  await db.$transaction(async (tx) => {
    const { count } = await tx.building.updateMany({ where: { id, active: !active }, data: { active } });
    if (count === 0) throw staleRecord();
    await recordAudit(tx, actor, {
      action: active ? "building.reactivate" : "building.deactivate",
      entityType: "building",
      entityId: id,
      communityId: building.courtyard.grid.communityId,
      before: { name: `${building.courtyard.name} ${building.number}`, active: !active },
      after: { name: `${building.courtyard.name} ${building.number}`, active },
    });
  });
  return { id };
}
