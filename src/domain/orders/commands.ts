// The order's commands as functions, for the server action, housekeeping and tests: each is
// one row of the registry (./registry.ts) run by the one writer (src/domain/workflow/writer.ts).
import { addDays } from "date-fns";
import { refundVolume, spendVolume } from "@/domain/limits/spend";
import { systemActor, type AnyActor } from "@/domain/workflow/types";
import { runCommand } from "@/domain/workflow/writer";
import type { OrderStatus } from "@/generated/prisma/enums";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, isUniqueViolation, notFoundError } from "@/server/errors";
import { publicBoardWhere } from "./board";
import { isOpen } from "./machine";
import { orderProcess } from "./process";
import type { OrderCommand } from "./registry";
import type { DispatchInput, RatingInput } from "./schemas";
import { orderLocation } from "./scope";

export type CommandResult = { id: string; number: number; status: OrderStatus };

/** Runs a command of the order registry by name (the server action posts the name). */
export async function runOrderCommand(actor: AnyActor, orderId: string, name: OrderCommand, input: unknown): Promise<CommandResult> {
  const { id, status, record } = await runCommand(orderProcess, actor, orderId, name, input);
  return { id, number: record.number, status: status as OrderStatus };
}

type Note = { note: string };
type NotePhotos = { note: string; photoIds?: string[] };

export const acceptOrder = (actor: Actor, orderId: string) => runOrderCommand(actor, orderId, "accept", {});
export const declineOrder = (actor: Actor, orderId: string, input: Note) => runOrderCommand(actor, orderId, "decline", input);
export const transferOrder = (actor: Actor, orderId: string, input: { gridId: string; note: string }) => runOrderCommand(actor, orderId, "transfer", input);
export const mergeOrder = (actor: Actor, orderId: string, input: { targetNumber: number | string; note?: string }) =>
  runOrderCommand(actor, orderId, "merge", input);
export const withdrawOrder = (actor: Actor, orderId: string, input: { note?: string } = {}) =>
  runOrderCommand(actor, orderId, "withdraw", { note: input.note ?? "" });
export const addInformation = (actor: Actor, orderId: string, input: NotePhotos) => runOrderCommand(actor, orderId, "addInfo", input);
export const dispatchOrder = (actor: Actor, orderId: string, input: DispatchInput) => runOrderCommand(actor, orderId, "dispatch", input);
export const recordProgress = (actor: Actor, orderId: string, input: NotePhotos) => runOrderCommand(actor, orderId, "progress", input);
export const completeOrder = (actor: Actor, orderId: string, input: NotePhotos) => runOrderCommand(actor, orderId, "complete", input);
export const sendBackToGrid = (actor: Actor, orderId: string, input: Note) => runOrderCommand(actor, orderId, "sendBack", input);
/** Staff take a public post off the board, saying why; neighbours no longer read it. */
export const hideFromBoard = (actor: Actor, orderId: string, input: Note) => runOrderCommand(actor, orderId, "hideFromBoard", input);
/** Staff put a hidden post back on the board. */
export const restoreToBoard = (actor: Actor, orderId: string, input: Note) => runOrderCommand(actor, orderId, "restoreToBoard", input);

/** The requester rates their own order; anyone else rates a neighbour's public one. */
export async function rateOrder(actor: Actor, orderId: string, input: RatingInput) {
  const own = await db.order.count({ where: { id: orderId, requesterId: actor.userId } });
  return runOrderCommand(actor, orderId, own ? "rate" : "rateAsNeighbour", input);
}

/** 同需: another resident of the courtyard says "me too", once. Not a step of the order. */
export async function addMeToo(actor: Actor, orderId: string) {
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, publicBoardWhere(actor)] },
    select: { id: true, status: true, courtyardId: true, communityId: true, gridId: true },
  });
  if (!order || !can(actor, "order.board", orderLocation(order))) throw notFoundError();
  if (!isOpen(order.status)) throw new AppError("conflict", "statusChanged");
  await spendVolume(actor.userId, "meTooHour");
  try {
    await db.$transaction([
      db.orderMeToo.create({ data: { orderId, userId: actor.userId } }),
      db.order.update({ where: { id: orderId }, data: { meTooCount: { increment: 1 } } }),
    ]);
  } catch (error) {
    await refundVolume(actor.userId, "meTooHour");
    if (isUniqueViolation(error)) throw new AppError("conflict", "alreadyMeToo");
    throw error;
  }
}

/**
 * Orders completed more than `days` ago and never rated close as 未评价, by the system. Several
 * processes may run this at once: the guarded update lets one of them close each order.
 */
export async function closeUnratedOrders(days: number, now = new Date()): Promise<number> {
  const stale = await db.order.findMany({ where: { status: "COMPLETED", completedAt: { lt: addDays(now, -days) } }, select: { id: true }, take: 500 });
  let closed = 0;
  for (const { id } of stale) {
    try {
      await runOrderCommand(systemActor(), id, "autoClose", { days });
      closed++;
    } catch (error) {
      // Rated or closed meanwhile (or by another process): nothing left to do for this one.
      if (error instanceof AppError && (error.code === "conflict" || error.code === "not_found")) continue;
      throw error;
    }
  }
  return closed;
}
