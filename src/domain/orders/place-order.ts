// 居民点单: a resident places an order, or a grid worker places one on a resident's behalf
// (代点单). A retried or double-clicked submission carries the same idempotency key and
// yields the one order; the same key with different content is refused.
import crypto from "node:crypto";
import { notify } from "@/domain/notifications/notify";
import { holdersOf } from "@/domain/notifications/notify";
import { can, hasRole, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, isUniqueViolation, notFoundError } from "@/server/errors";
import { refundVolume, spendVolume } from "@/domain/limits/spend";
import type { VolumeLimit } from "@/domain/limits/volume-limits";
import { createRecord } from "@/domain/workflow/writer";
import { deadlines, dueAfter } from "./deadlines";
import { orderProcess } from "./process";
import { attachPhotos } from "./registry";
import { placeOrderSchema, type PlaceOrderInput } from "./schemas";

export type PlacedOrder = { id: string; number: number; duplicate: boolean };

function payloadHash(input: object) {
  return crypto.createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

/** The requester's home: the residence in a courtyard where they hold the resident role. */
async function homeOf(userId: string, residentCourtyards: string[]) {
  const residence = await db.residence.findFirst({
    where: { userId, courtyardId: { in: residentCourtyards } },
    orderBy: { createdAt: "asc" },
    select: { courtyardId: true, buildingId: true },
  });
  if (residence) return residence;
  return residentCourtyards[0] ? { courtyardId: residentCourtyards[0], buildingId: null } : null;
}

async function existingFor(actor: Actor, idempotencyKey: string, hash: string): Promise<PlacedOrder | null> {
  const existing = await db.order.findUnique({
    where: { placedById_idempotencyKey: { placedById: actor.userId, idempotencyKey } },
    select: { id: true, number: true, payloadHash: true },
  });
  if (!existing) return null;
  if (existing.payloadHash !== hash) throw new AppError("conflict", "idempotencyMismatch");
  return { id: existing.id, number: existing.number, duplicate: true };
}

export async function placeOrder(actor: Actor, raw: PlaceOrderInput): Promise<PlacedOrder> {
  const input = placeOrderSchema.parse(raw);
  const { idempotencyKey, ...content } = input;
  const hash = payloadHash(content);
  const earlier = await existingFor(actor, idempotencyKey, hash);
  if (earlier) return earlier;

  const onBehalf = !!input.requesterId && input.requesterId !== actor.userId;
  const requesterId = onBehalf ? input.requesterId! : actor.userId;
  const requester = await db.user.findFirst({
    where: { id: requesterId, disabledAt: null },
    select: { roles: { where: { role: "RESIDENT" }, select: { courtyardId: true } } },
  });
  const residentCourtyards = (requester?.roles ?? []).map((r) => r.courtyardId).filter((c): c is string => !!c);
  const home = requester ? await homeOf(requesterId, residentCourtyards) : null;
  if (!home) throw onBehalf ? notFoundError() : new AppError("invalid_input", "noHome");

  const courtyard = await db.courtyard.findFirst({
    where: { id: home.courtyardId, active: true },
    select: { id: true, gridId: true, grid: { select: { communityId: true } } },
  });
  if (!courtyard) throw new AppError("invalid_input", "noHome");
  const location = { communityId: courtyard.grid.communityId, gridId: courtyard.gridId, courtyardId: courtyard.id };
  if (onBehalf ? !can(actor, "order.placeOnBehalf", location) : !(hasRole(actor, "RESIDENT") && can(actor, "order.place", location))) {
    throw notFoundError();
  }

  const category = await db.orderCategory.findFirst({ where: { id: input.categoryId, active: true } });
  if (!category) throw new AppError("invalid_input", "categoryRequired");

  const limits: VolumeLimit[] = onBehalf ? ["placeOnBehalfHour"] : ["placeOrderHour", "placeOrderDay"];
  await spendVolume(actor.userId, ...limits);
  const now = new Date();
  const due = deadlines(now, category);
  let order: { id: string; number: number };
  try {
    order = await db.$transaction(async (tx) => {
      const created = await createRecord(
        tx,
        orderProcess,
        actor,
        {
          data: {
            categoryId: category.id,
            courtyardId: courtyard.id,
            buildingId: home.buildingId,
            gridId: courtyard.gridId,
            communityId: courtyard.grid.communityId,
            requesterId,
            placedById: actor.userId,
            title: input.title,
            description: input.description,
            isPublic: input.isPublic,
            contactPreference: input.contactPreference,
            status: "PLACED",
            ...due,
            dueAt: dueAfter({ step: "placed" }, { ...due, resolutionDays: category.resolutionDays }, now),
            idempotencyKey,
            payloadHash: hash,
          },
          select: { number: true },
          now,
        },
        { type: "PLACED", params: onBehalf ? { kind: "placedOnBehalf" } : null },
      );
      await attachPhotos(tx, actor, input.photoIds, created.id, created.eventId);
      return { id: created.id, number: created.number as number };
    });
  } catch (error) {
    await refundVolume(actor.userId, ...limits);
    // Two identical submissions raced: the other one created the order.
    if (isUniqueViolation(error)) {
      const winner = await existingFor(actor, idempotencyKey, hash);
      if (winner) return winner;
    }
    throw error;
  }

  const workers = await holdersOf("GRID_WORKER", { gridId: courtyard.gridId });
  await notify(
    [
      ...workers.map((userId) => ({ userId, orderId: order.id, kind: "newOrder" as const, params: { number: order.number, title: input.title } })),
      ...(onBehalf
        ? [{ userId: requesterId, orderId: order.id, kind: "statusChanged" as const, params: { number: order.number, title: input.title, status: "PLACED" } }]
        : []),
    ].filter((m) => m.userId !== actor.userId),
  );
  return { ...order, duplicate: false };
}
