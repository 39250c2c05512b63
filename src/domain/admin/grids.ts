// Grids (网格) inside a community. A grid is deactivated only once no active courtyard and
// no open order depends on it.
import { openStatuses } from "@/domain/orders/machine";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { changes, recordAudit } from "./audit";
import { assertNameFree, inactiveParent, loadCommunity, loadGrid, staleRecord, uniquely } from "./load";
import { gridInput, streetInput } from "./schemas";

export async function createGrid(actor: Actor, input: unknown) {
  const { communityId, name } = gridInput.parse(input);
  const community = await loadCommunity(actor, communityId);
  if (!community.active) throw inactiveParent();
  const params = { name, parent: community.name };
  assertNameFree(await db.grid.findFirst({ where: { communityId, name } }), "admin.gridNameTaken", params);
  return uniquely("admin.gridNameTaken", params, () =>
    db.$transaction(async (tx) => {
      const grid = await tx.grid.create({ data: { communityId, name } });
      await recordAudit(tx, actor, { action: "grid.create", entityType: "grid", entityId: grid.id, communityId, after: { name } });
      return { id: grid.id };
    }),
  );
}

export async function renameGrid(actor: Actor, id: string, input: unknown) {
  const { name } = streetInput.parse(input);
  const grid = await loadGrid(actor, id);
  const diff = changes({ name: grid.name }, { name });
  if (!diff.changed) return { id };
  const params = { name, parent: grid.community.name };
  assertNameFree(await db.grid.findFirst({ where: { communityId: grid.communityId, name, id: { not: id } } }), "admin.gridNameTaken", params);
  await uniquely("admin.gridNameTaken", params, () =>
    db.$transaction(async (tx) => {
      await tx.grid.update({ where: { id }, data: { name } });
      await recordAudit(tx, actor, { action: "grid.update", entityType: "grid", entityId: id, communityId: grid.communityId, ...diff });
    }),
  );
  return { id };
}

export async function setGridActive(actor: Actor, id: string, active: boolean) {
  const grid = await loadGrid(actor, id);
  if (grid.active === active) return { id };
  if (active && !grid.community.active) throw inactiveParent();
  await db.$transaction(async (tx) => {
    const { count } = await tx.grid.updateMany({
      where: {
        id,
        active: !active,
        ...(active ? {} : { courtyards: { none: { active: true } }, orders: { none: { status: { in: [...openStatuses] } } } }),
      },
      data: { active },
    });
    if (count === 0) {
      if (!active) {
        const courtyards = await tx.courtyard.count({ where: { gridId: id, active: true } });
        if (courtyards > 0) throw new AppError("conflict", "admin.gridHasActiveCourtyards", { count: courtyards });
        const orders = await tx.order.count({ where: { gridId: id, status: { in: [...openStatuses] } } });
        if (orders > 0) throw new AppError("conflict", "admin.gridHasOpenOrders", { count: orders });
      }
      throw staleRecord();
    }
    await recordAudit(tx, actor, {
      action: active ? "grid.reactivate" : "grid.deactivate",
      entityType: "grid",
      entityId: id,
      communityId: grid.communityId,
      before: { name: grid.name, active: !active },
      after: { name: grid.name, active },
    });
  });
  return { id };
}
