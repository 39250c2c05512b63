// The commands of the loop after placing: accept, decline, transfer, merge, withdraw, add
// information, dispatch, meeting, progress, complete, rate, follow up. Each is a thin spec
// for runCommand (./run-command.ts), the single writer of Order.status.
import { addDays } from "date-fns";
import { holdersOf, notify, type NotificationMessage } from "@/domain/notifications/notify";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, isUniqueViolation, notFoundError } from "@/server/errors";
import { publicBoardWhere } from "./board";
import { refundVolume, spendVolume } from "@/domain/limits/spend";
import { isOpen } from "./machine";
import { runCommand, type LoadedOrder } from "./run-command";
import { orderLocation, orderScope } from "./scope";
import {
  dispatchSchema,
  isPoorRating,
  isSatisfied,
  mergeSchema,
  noteSchema,
  ratingSchema,
  requiredNoteSchema,
  transferSchema,
  type DispatchInput,
  type RatingInput,
} from "./schemas";

/** Days staff have to follow up a poor rating (local rules: 5–15 working days). */
export const FOLLOW_UP_DAYS = 5;

const toUsers = (userIds: string[], order: LoadedOrder, kind: NotificationMessage["kind"]): NotificationMessage[] =>
  userIds.map((userId) => ({ userId, orderId: order.id, kind, params: { number: order.number, title: order.title } }));

export function acceptOrder(actor: Actor, orderId: string) {
  return runCommand(actor, orderId, {
    command: "accept",
    operation: "order.accept",
    patch: (order, to, now) => ({
      acceptedAt: now,
      acceptedById: actor.userId,
      respondedAt: order.respondedAt ?? now,
      dueAt: order.resolutionDueAt,
    }),
    recipients: async (order, to) =>
      to === "ACCEPTED" ? toUsers(await holdersOf("BRANCH_SECRETARY", { courtyardId: order.courtyardId }), order, "awaitingDispatch") : [],
  });
}

export function declineOrder(actor: Actor, orderId: string, raw: { note: string }) {
  const { note } = requiredNoteSchema("reasonRequired").parse(raw);
  return runCommand(actor, orderId, {
    command: "decline",
    operation: "order.accept",
    note,
    patch: (o, t, now) => ({ closedAt: now, respondedAt: o.respondedAt ?? now }),
  });
}

export async function transferOrder(actor: Actor, orderId: string, raw: { gridId: string; note: string }) {
  const { gridId, note } = transferSchema.parse(raw);
  let targetName = "";
  return runCommand(actor, orderId, {
    command: "transfer",
    operation: "order.accept",
    check: async (order) => {
      const target = await db.grid.findFirst({ where: { id: gridId, communityId: order.communityId, active: true }, select: { name: true } });
      if (!target || gridId === order.gridId) throw new AppError("invalid_input", "transferTargetInvalid");
      targetName = target.name;
    },
    note: () => `转派至${targetName}：${note}`,
    patch: () => ({ gridId }),
    recipients: async (order) => toUsers(await holdersOf("GRID_WORKER", { gridId }), order, "transferredIn"),
  });
}

export async function mergeOrder(actor: Actor, orderId: string, raw: { targetNumber: number | string; note?: string }) {
  const { targetNumber, note } = mergeSchema.parse(raw);
  let target: { id: string; number: number } | null = null;
  return runCommand(actor, orderId, {
    command: "merge",
    operation: "order.accept",
    check: async (order) => {
      target = await db.order.findFirst({
        where: { AND: [{ number: targetNumber, communityId: order.communityId, status: { in: ["PLACED", "ACCEPTED", "IN_PROGRESS", "REOPENED"] } }, orderScope(actor, "order.view")] },
        select: { id: true, number: true },
      });
      if (!target || target.id === order.id) throw new AppError("invalid_input", "mergeTargetInvalid");
    },
    note: () => `与 #${target!.number} 重复，已合并${note ? `：${note}` : ""}`,
    patch: (o, to, now) => ({ mergedIntoId: target!.id, closeReason: "MERGED", closedAt: now, respondedAt: o.respondedAt ?? now }),
    requesterMessage: (o) => ({ userId: o.requesterId, orderId: o.id, kind: "merged", params: { number: o.number, title: o.title, target: target!.number } }),
  });
}

export async function withdrawOrder(actor: Actor, orderId: string, raw: { note?: string } = {}) {
  const { note } = noteSchema.parse({ note: raw.note ?? "" });
  return runCommand(actor, orderId, {
    command: "withdraw",
    operation: "order.manageOwn",
    requesterOnly: true,
    note,
    patch: (o, t, now) => ({ closedAt: now }),
    recipients: async (order) => toUsers(await holdersOf("GRID_WORKER", { gridId: order.gridId }), order, "statusChanged"),
  });
}

export async function addInformation(actor: Actor, orderId: string, raw: { note: string; photoIds?: string[] }) {
  const { note, photoIds } = requiredNoteSchema("noteRequired").parse(raw);
  return runCommand(actor, orderId, {
    command: "addInfo",
    operation: "order.manageOwn",
    requesterOnly: true,
    note,
    photoIds,
  });
}

const assignable = (kind: "GRID_WORKER" | "VOLUNTEER", communityId: string) =>
  kind === "GRID_WORKER" ? { role: "GRID_WORKER" as const, grid: { communityId } } : { role: "VOLUNTEER" as const, communityId };

export async function dispatchOrder(actor: Actor, orderId: string, raw: DispatchInput) {
  const input = dispatchSchema.parse(raw);
  if (input.dueAt.getTime() <= Date.now()) throw new AppError("invalid_input", "dueDateInPast");
  let assignees: { kind: string; userId?: string; name: string }[] = [];
  let alreadyAssigned = new Set<string>();
  return runCommand(actor, orderId, {
    command: "dispatch",
    operation: "order.dispatch",
    note: input.plan,
    check: async (order) => {
      // Grid workers and registered volunteers of the order's community, by id: anyone else
      // (a resident, another community's volunteer, an unknown id) gets the same answer.
      assignees = await Promise.all(
        input.assignees.map(async (a) => {
          if (a.kind === "OUTSIDE") return { kind: a.kind, name: a.name };
          const user = await db.user.findFirst({
            where: { id: a.userId, disabledAt: null, roles: { some: assignable(a.kind, order.communityId) } },
            select: { id: true, name: true },
          });
          if (!user) throw new AppError("invalid_input", "assigneeInvalid");
          return { kind: a.kind, userId: user.id, name: user.name };
        }),
      );
      const previous = await db.orderDispatch.findFirst({ where: { orderId: order.id }, orderBy: { createdAt: "desc" }, select: { assignees: true } });
      alreadyAssigned = new Set(((previous?.assignees ?? []) as { userId?: string }[]).flatMap((a) => (a.userId ? [a.userId] : [])));
    },
    patch: () => ({ dueAt: input.dueAt, awaitingMeeting: false }),
    write: async (tx, order, eventId, now) => {
      await tx.orderDispatch.create({ data: { orderId: order.id, plan: input.plan, assignees, dueAt: input.dueAt, createdById: actor.userId, createdAt: now } });
    },
    // Told once, when a saved dispatch first names them; a new plan with the same people is no news.
    recipients: async (order) => toUsers(assignees.flatMap((a) => (a.userId && !alreadyAssigned.has(a.userId) ? [a.userId] : [])), order, "assigned"),
  });
}

export async function requestMeeting(actor: Actor, orderId: string, raw: { note: string }) {
  const { note } = requiredNoteSchema("noteRequired").parse(raw);
  return runCommand(actor, orderId, { command: "requestMeeting", operation: "order.dispatch", note, patch: () => ({ awaitingMeeting: true }) });
}

export async function recordProgress(actor: Actor, orderId: string, raw: { note: string; photoIds?: string[] }) {
  const { note, photoIds } = requiredNoteSchema("noteRequired").parse(raw);
  return runCommand(actor, orderId, { command: "progress", operation: "order.progress", note, photoIds });
}

export async function completeOrder(actor: Actor, orderId: string, raw: { note: string; photoIds?: string[] }) {
  const { note, photoIds } = requiredNoteSchema("completionNoteRequired").parse(raw);
  return runCommand(actor, orderId, {
    command: "complete",
    operation: "order.complete",
    note,
    photoIds,
    patch: (o, t, now) => ({ completedAt: now, firstCompletedAt: o.firstCompletedAt ?? now, completions: { increment: 1 } }),
  });
}

function ratingNote(r: { goal: number; timing: number; form: number; conduct: number; comment: string }) {
  return `${r.goal}/${r.timing}/${r.form}/${r.conduct}${r.comment ? ` ${r.comment}` : ""}`;
}

export async function rateOrder(actor: Actor, orderId: string, raw: RatingInput) {
  const rating = ratingSchema.parse(raw);
  const poor = isPoorRating(rating);
  const visibleWhere = { OR: [orderScope(actor, "order.view"), publicBoardWhere(actor)] };
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, visibleWhere] }, select: { requesterId: true, completions: true } });
  if (!order) throw notFoundError();
  const asRequester = order.requesterId === actor.userId;
  // Counted once the command's own checks pass: a refused call spends nothing.
  let spent = false;
  try {
    return await runCommand(actor, orderId, {
      command: asRequester ? "rate" : "rateAsNeighbour",
      operation: asRequester ? "order.manageOwn" : "order.board",
      requesterOnly: asRequester,
      visibleWhere,
      note: ratingNote(rating),
      context: () => ({ poorRating: poor }),
      check: async () => {
        await spendVolume(actor.userId, "rateHour");
        spent = true;
      },
      patch: (o, to, now) => ({
        ...(asRequester ? { satisfied: isSatisfied(rating) } : {}),
        ...(to === "CLOSED" && asRequester ? { closedAt: now, closeReason: "RATED" as const } : {}),
        ...(to === "REOPENED" ? { dueAt: addDays(now, FOLLOW_UP_DAYS) } : {}),
      }),
      write: async (tx, o, eventId, now) => {
        await tx.orderRating.create({
          data: {
            orderId,
            raterId: actor.userId,
            isRequester: asRequester,
            round: Math.max(order.completions, 1),
            ...rating,
            minScore: Math.min(rating.goal, rating.timing, rating.form, rating.conduct),
            createdAt: now,
            communityId: o.communityId,
            gridId: o.gridId,
            courtyardId: o.courtyardId,
            categoryId: o.categoryId,
          },
        });
      },
      recipients: async (o, to) =>
        to === "REOPENED" && asRequester ? toUsers(await holdersOf("STAFF", { communityId: o.communityId }), o, "poorRating") : [],
    });
  } catch (error) {
    if (spent) await refundVolume(actor.userId, "rateHour");
    if (isUniqueViolation(error)) throw new AppError("conflict", "alreadyRated");
    throw error;
  }
}

export async function recordFollowUp(actor: Actor, orderId: string, raw: { note: string }) {
  const { note } = requiredNoteSchema("noteRequired").parse(raw);
  return runCommand(actor, orderId, { command: "followUp", operation: "order.followUp", note });
}

export async function closeAfterFollowUp(actor: Actor, orderId: string, raw: { note: string }) {
  const { note } = requiredNoteSchema("noteRequired").parse(raw);
  return runCommand(actor, orderId, { command: "close", operation: "order.followUp", note, patch: (o, t, now) => ({ closedAt: now, closeReason: "FOLLOWED_UP" }) });
}

export async function sendBackToGrid(actor: Actor, orderId: string, raw: { note: string }) {
  const { note } = requiredNoteSchema("noteRequired").parse(raw);
  return runCommand(actor, orderId, {
    command: "sendBack",
    operation: "order.followUp",
    note,
    patch: (o, t, now) => ({ dueAt: addDays(now, o.category.resolutionDays), completedAt: null }),
    recipients: async (order) => toUsers(await holdersOf("GRID_WORKER", { gridId: order.gridId }), order, "sentBack"),
  });
}

/** 同需: another resident of the courtyard says "me too", once. */
export async function addMeToo(actor: Actor, orderId: string) {
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, publicBoardWhere(actor)] }, select: { id: true, status: true, courtyardId: true, communityId: true, gridId: true } });
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

/** Orders completed more than `days` ago and never rated close as 未评价 (never "satisfied"). */
export async function closeUnratedOrders(days: number, now = new Date()): Promise<number> {
  const stale = await db.order.findMany({
    where: { status: "COMPLETED", completedAt: { lt: addDays(now, -days) } },
    select: { id: true, number: true, title: true, requesterId: true },
    take: 500,
  });
  let closed = 0;
  for (const order of stale) {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.order.updateMany({
        where: { id: order.id, status: "COMPLETED" },
        data: { status: "CLOSED", closeReason: "UNRATED", closedAt: now },
      });
      if (count === 0) return false;
      await tx.orderEvent.create({
        data: { orderId: order.id, type: "CLOSED", fromStatus: "COMPLETED", toStatus: "CLOSED", note: `超过 ${days} 天未评价，自动完结（未评价）`, createdAt: now },
      });
      return true;
    });
    if (done) {
      closed++;
      await notify([{ userId: order.requesterId, orderId: order.id, kind: "statusChanged", params: { number: order.number, title: order.title, status: "CLOSED" } }]);
    }
  }
  return closed;
}
