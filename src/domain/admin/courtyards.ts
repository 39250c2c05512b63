// Courtyards (小区/院落): created in a grid, edited, moved to another grid of the same
// community (taking the responsibility for their open orders along, with a timeline event
// on each), deactivated once no open order waits on them.
import { z } from "zod";
import { openStatuses } from "@/domain/orders/machine";
import { orderProcess } from "@/domain/orders/process";
import { systemActor } from "@/domain/workflow/types";
import { runCommandIn } from "@/domain/workflow/writer";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { changes, recordAudit } from "./audit";
import { assertNameFree, inactiveParent, loadCourtyard, loadGrid, staleRecord, uniquely } from "./load";
import { courtyardFields, courtyardInput, id as idSchema } from "./schemas";

const open = { in: [...openStatuses] };
const moveInput = z.object({ gridId: idSchema });

export async function createCourtyard(actor: Actor, input: unknown) {
  const data = courtyardInput.parse(input);
  const grid = await loadGrid(actor, data.gridId);
  if (!grid.active || !grid.community.active) throw inactiveParent();
  const params = { name: data.name, parent: grid.name };
  assertNameFree(await db.courtyard.findFirst({ where: { gridId: grid.id, name: data.name } }), "admin.courtyardNameTaken", params);
  return uniquely("admin.courtyardNameTaken", params, () =>
    db.$transaction(async (tx) => {
      const courtyard = await tx.courtyard.create({ data });
      await recordAudit(tx, actor, {
        action: "courtyard.create",
        entityType: "courtyard",
        entityId: courtyard.id,
        communityId: grid.communityId,
        after: { name: data.name, grid: grid.name, address: data.address, partyBranchName: data.partyBranchName },
      });
      return { id: courtyard.id };
    }),
  );
}

export async function updateCourtyard(actor: Actor, id: string, input: unknown) {
  const data = courtyardFields.parse(input);
  const courtyard = await loadCourtyard(actor, id);
  const diff = changes({ name: courtyard.name, address: courtyard.address, partyBranchName: courtyard.partyBranchName }, data);
  if (!diff.changed) return { id };
  const params = { name: data.name, parent: courtyard.grid.name };
  assertNameFree(await db.courtyard.findFirst({ where: { gridId: courtyard.gridId, name: data.name, id: { not: id } } }), "admin.courtyardNameTaken", params);
  await uniquely("admin.courtyardNameTaken", params, () =>
    db.$transaction(async (tx) => {
      await tx.courtyard.update({ where: { id }, data });
      await recordAudit(tx, actor, {
        action: "courtyard.update",
        entityType: "courtyard",
        entityId: id,
        communityId: courtyard.grid.communityId,
        before: { name: courtyard.name, ...diff.before },
        after: { name: data.name, ...diff.after },
      });
    }),
  );
  return { id };
}

/** Open orders whose responsibility moves with the courtyard (those its current grid holds). */
export function openOrdersMoving(courtyardId: string, gridId: string) {
  return db.order.count({ where: { courtyardId, gridId, status: open } });
}

export async function moveCourtyard(actor: Actor, id: string, input: unknown) {
  const { gridId } = moveInput.parse(input);
  const courtyard = await loadCourtyard(actor, id);
  const target = await db.grid.findFirst({
    where: { id: gridId, communityId: courtyard.grid.communityId, active: true },
    select: { id: true, name: true },
  });
  if (!target) throw new AppError("invalid_input", "admin.moveTargetInvalid");
  if (target.id === courtyard.gridId) throw new AppError("invalid_input", "admin.moveSameGrid");
  const params = { name: courtyard.name, parent: target.name };
  assertNameFree(await db.courtyard.findFirst({ where: { gridId: target.id, name: courtyard.name } }), "admin.courtyardNameTaken", params);

  const from = courtyard.grid;
  const moved = await uniquely("admin.courtyardNameTaken", params, () =>
    db.$transaction(async (tx) => {
      const { count } = await tx.courtyard.updateMany({ where: { id, gridId: from.id }, data: { gridId: target.id } });
      if (count === 0) throw staleRecord();
      // Each open order the old grid holds goes along, as a step of the order run by the
      // system for the administrator: a worker racing to act on it in the old grid loses
      // (the step's update is guarded by status and grid), and one that changed meanwhile stays.
      const moving = await tx.order.findMany({ where: { courtyardId: id, gridId: from.id, status: open }, select: { id: true } });
      const after: (() => Promise<void>)[] = [];
      for (const order of moving) {
        try {
          after.push(
            await runCommandIn(tx, orderProcess, systemActor(actor.userId), order.id, "moveWithCourtyard", {
              gridId: target.id,
              fromGrid: from.name,
              toGrid: target.name,
            }),
          );
        } catch (error) {
          if (!(error instanceof AppError && error.code === "conflict")) throw error;
        }
      }
      const orders = { length: after.length, after };
      await recordAudit(tx, actor, {
        action: "courtyard.move",
        entityType: "courtyard",
        entityId: id,
        communityId: from.communityId,
        before: { name: courtyard.name, grid: from.name },
        after: { name: courtyard.name, grid: target.name, movedOrders: orders.length },
      });
      return orders;
    }),
  );

  // After commit: the new grid's workers hear of the orders that are now theirs.
  for (const told of moved.after) await told();
  return { id, movedOrders: moved.length };
}

export async function setCourtyardActive(actor: Actor, id: string, active: boolean) {
  const courtyard = await loadCourtyard(actor, id);
  if (courtyard.active === active) return { id };
  if (active && !courtyard.grid.active) throw inactiveParent();
  await db.$transaction(async (tx) => {
    const { count } = await tx.courtyard.updateMany({
      where: { id, active: !active, ...(active ? {} : { orders: { none: { status: open } } }) },
      data: { active },
    });
    if (count === 0) {
      const orders = active ? 0 : await tx.order.count({ where: { courtyardId: id, status: open } });
      if (orders > 0) throw new AppError("conflict", "admin.courtyardHasOpenOrders", { count: orders });
      throw staleRecord();
    }
    await recordAudit(tx, actor, {
      action: active ? "courtyard.reactivate" : "courtyard.deactivate",
      entityType: "courtyard",
      entityId: id,
      communityId: courtyard.grid.communityId,
      before: { name: courtyard.name, active: !active },
      after: { name: courtyard.name, active },
    });
  });
  return { id };
}
