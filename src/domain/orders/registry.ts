// The order process (四单闭环): every command on an order as one row — where it may start,
// where it leads, its event, its permission and who may act, its input, its hooks — run by
// the one writer (src/domain/workflow/writer.ts). The server action, the commands offered on
// the order page, its buttons and the action sweep all read this registry. Pure: hooks get
// their reads, their transaction and the notification look-ups from the writer.
import { z } from "zod";
import { recordAudit } from "@/domain/admin/audit";
import { MAX_PHOTOS_PER_ORDER } from "@/domain/limits/volume-limits";
import type { NotificationKind, NotificationMessage } from "@/domain/notifications/notify";
import { command, personOf, type AnyActor, type Tx } from "@/domain/workflow/types";
import type { OrderEventType, OrderStatus } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/authz/permissions";
import { AppError } from "@/server/errors";
import { publicBoardWhere } from "./board";
import { dueAfter } from "./deadlines";
import { boardStatuses, openStatuses } from "./machine";
import { orderScope } from "./scope";
import {
  dispatchSchema,
  isPoorRating,
  isSatisfied,
  mergeSchema,
  noteSchema,
  ratingSchema,
  requiredNoteSchema,
  transferSchema,
  type RatingInput,
} from "./schemas";

/** What every command loads with the order. */
export const orderInclude = {
  include: { category: true, ratings: { select: { raterId: true, round: true } } },
} satisfies Prisma.OrderDefaultArgs;
export type LoadedOrder = Prisma.OrderGetPayload<typeof orderInclude>;

const row = command<OrderStatus, OrderEventType, LoadedOrder>();

/** How the order page shows a command: which form opens, and whether it is a destructive one. */
export type OrderPanel = "none" | "note" | "notePhotos" | "transfer" | "merge" | "withdraw" | "dispatch" | "rating";
export type OrderButton = { panel: OrderPanel; danger?: boolean };

const toUsers = (userIds: string[], order: LoadedOrder, kind: NotificationKind, extra: Record<string, string | number> = {}): NotificationMessage[] =>
  userIds.map((userId) => ({ userId, orderId: order.id, kind, params: { number: order.number, title: order.title, ...extra } }));

/** Photos the actor uploaded and has not used yet, joined to the order and the step's event. */
export async function attachPhotos(tx: Tx, actor: Actor, photoIds: string[], orderId: string, eventId: string) {
  if (photoIds.length === 0) return;
  const unique = [...new Set(photoIds)];
  const { count } = await tx.orderPhoto.updateMany({
    where: { id: { in: unique }, uploaderId: actor.userId, orderId: null },
    data: { orderId, eventId },
  });
  if (count !== unique.length) throw new AppError("invalid_input", "photosInvalid");
  const onOrder = await tx.orderPhoto.count({ where: { orderId } });
  if (onOrder > MAX_PHOTOS_PER_ORDER) throw new AppError("invalid_input", "limits.photosPerOrder", { max: MAX_PHOTOS_PER_ORDER });
}

const noteForm = (f: { text: (n: string) => string }) => ({ note: f.text("note") });
const notePhotosForm = (f: { text: (n: string) => string; list: (n: string) => string[] }) => ({ note: f.text("note"), photoIds: f.list("photoIds") });
const clockOf = (o: LoadedOrder) => ({ responseDueAt: o.responseDueAt, resolutionDueAt: o.resolutionDueAt, resolutionDays: o.category.resolutionDays });

/** A note with optional photos, attached to the step's event. */
const withPhotos = (key: string) => ({
  input: requiredNoteSchema(key),
  form: notePhotosForm,
  eventData: ({ input }: { input: { note: string } }) => ({ note: input.note }),
  write: ({ tx, actor, record, input, eventId }: { tx: Tx; actor: AnyActor; record: LoadedOrder; input: { photoIds: string[] }; eventId: string }) =>
    attachPhotos(tx, personOf(actor), input.photoIds, record.id, eventId),
  button: { panel: "notePhotos" } as OrderButton,
});

/** A required note and nothing else. */
const withNote = (key: string) => ({
  input: requiredNoteSchema(key),
  form: noteForm,
  eventData: ({ input }: { input: { note: string } }) => ({ note: input.note }),
  button: { panel: "note" } as OrderButton,
});

// Dispatch may name the community's grid workers and registered volunteers, by id.
const assignable = (kind: "GRID_WORKER" | "VOLUNTEER", communityId: string) =>
  kind === "GRID_WORKER" ? { role: "GRID_WORKER" as const, grid: { communityId } } : { role: "VOLUNTEER" as const, communityId };

/** The rating that belongs to the order's current completion, by this rater. */
const ratedThisRound = (order: LoadedOrder, userId: string) => order.ratings.some((r) => r.raterId === userId && r.round === Math.max(order.completions, 1));

/** 大众评单: the requester's rating closes or reopens the order; a neighbour's only counts. */
function rating(asRequester: boolean) {
  return row({
    from: asRequester ? ["COMPLETED"] : ["COMPLETED", "CLOSED", "REOPENED"],
    to: asRequester ? ({ input }) => (isPoorRating(input) ? "REOPENED" : "CLOSED") : undefined,
    event: "RATED",
    operation: asRequester ? "order.manageOwn" : "order.board",
    who: asRequester ? "requester" : "neighbour",
    input: ratingSchema,
    form: (f) =>
      ({ goal: f.text("goal"), timing: f.text("timing"), form: f.text("form"), conduct: f.text("conduct"), comment: f.text("comment") }) satisfies RatingInput,
    // Neighbours reach a public order through their courtyard's board.
    visible: (actor) => ({ OR: [orderScope(actor, "order.view"), publicBoardWhere(actor)] }),
    when: { test: (order, actor) => !ratedThisRound(order, personOf(actor).userId), refusal: "alreadyRated" },
    spends: () => ["rateHour"],
    onDuplicate: "alreadyRated",
    patch: ({ record, input, to, now }) => ({
      ...(asRequester ? { satisfied: isSatisfied(input) } : {}),
      ...(to === "CLOSED" && asRequester ? { closedAt: now, closeReason: "RATED" as const } : {}),
      ...(to === "REOPENED" ? { dueAt: dueAfter({ step: "reopened" }, clockOf(record), now) } : {}),
    }),
    // The scores as data, the comment as the rater typed it.
    eventData: ({ input: r }) => ({ note: r.comment, params: { kind: "rated", goal: r.goal, timing: r.timing, form: r.form, conduct: r.conduct } }),
    write: ({ tx, actor, record: o, input: r, now }) =>
      tx.orderRating.create({
        data: {
          orderId: o.id,
          raterId: personOf(actor).userId,
          isRequester: asRequester,
          round: Math.max(o.completions, 1),
          ...r,
          minScore: Math.min(r.goal, r.timing, r.form, r.conduct),
          createdAt: now,
          communityId: o.communityId,
          gridId: o.gridId,
          courtyardId: o.courtyardId,
          categoryId: o.categoryId,
        },
      }),
    effects: async ({ record, to, holders }) =>
      to === "REOPENED" && asRequester ? toUsers(await holders("STAFF", { communityId: record.communityId }), record, "poorRating") : [],
    button: { panel: "rating" },
  });
}

/** Staff take a public post off the courtyard's board, or put it back, saying why. */
function moderation(hide: boolean) {
  return row({
    from: boardStatuses,
    event: hide ? "BOARD_HIDDEN" : "BOARD_RESTORED",
    operation: "order.moderate",
    who: "role",
    ...withNote("reasonRequired"),
    when: { test: (o) => o.isPublic && (o.boardHiddenAt === null) === hide, refusal: hide ? "boardNotShown" : "boardNotHidden" },
    // On the board now (to hide), or hidden (to restore): also the compare-and-set of the write.
    guard: () => ({ isPublic: true, boardHiddenAt: hide ? null : { not: null } }),
    patch: ({ now }) => ({ boardHiddenAt: hide ? now : null }),
    write: ({ tx, actor, record, input }) =>
      recordAudit(tx, personOf(actor), {
        action: hide ? "order.hideFromBoard" : "order.restoreToBoard",
        entityType: "order",
        entityId: record.id,
        communityId: record.communityId,
        after: { orderNumber: record.number, reason: input.note },
      }),
    effects: ({ record, input }) => toUsers([record.requesterId], record, hide ? "boardHidden" : "boardRestored", { reason: input.note }),
    button: { panel: "note", danger: hide },
  });
}

// The rows, in the order the page offers them: the usual next step first, destructive ones last.
export const orderCommands = {
  accept: row({
    from: ["PLACED"],
    // A category that needs no dispatch goes straight to handling.
    to: ({ record }) => (record.category.requiresDispatch ? "ACCEPTED" : "IN_PROGRESS"),
    event: "ACCEPTED",
    operation: "order.accept",
    who: "role",
    input: z.object({}),
    form: () => ({}),
    patch: ({ actor, record, now }) => ({
      acceptedAt: now,
      acceptedById: personOf(actor).userId,
      respondedAt: record.respondedAt ?? now,
      dueAt: dueAfter({ step: "accepted" }, clockOf(record), now),
    }),
    effects: async ({ record, to, holders }) =>
      to === "ACCEPTED" ? toUsers(await holders("BRANCH_SECRETARY", { courtyardId: record.courtyardId }), record, "awaitingDispatch") : [],
    button: { panel: "none" },
  }),
  dispatch: row({
    from: ["ACCEPTED", "IN_PROGRESS"],
    to: "IN_PROGRESS",
    event: "DISPATCHED",
    operation: "order.dispatch",
    who: "role",
    input: dispatchSchema,
    form: (f) => ({
      plan: f.text("plan"),
      dueAt: f.text("dueAt"),
      assignees: [
        ...f.list("workerIds").map((userId) => ({ kind: "GRID_WORKER" as const, userId })),
        ...f.list("volunteerIds").map((userId) => ({ kind: "VOLUNTEER" as const, userId })),
        ...f.list("outsideNames").map((name) => ({ kind: "OUTSIDE" as const, name })),
      ],
    }),
    check: async ({ record, input, db, now }) => {
      if (input.dueAt.getTime() <= now.getTime()) throw new AppError("invalid_input", "dueDateInPast");
      // Grid workers and registered volunteers of the order's community, by id: anyone else
      // (a resident, another community's volunteer, an unknown id) gets the same answer.
      const assignees = await Promise.all(
        input.assignees.map(async (a) => {
          if (a.kind === "OUTSIDE") return { kind: a.kind, name: a.name };
          const user = await db.user.findFirst({
            where: { id: a.userId, disabledAt: null, roles: { some: assignable(a.kind, record.communityId) } },
            select: { id: true, name: true },
          });
          if (!user) throw new AppError("invalid_input", "assigneeInvalid");
          return { kind: a.kind, userId: user.id, name: user.name };
        }),
      );
      const previous = await db.orderDispatch.findFirst({ where: { orderId: record.id }, orderBy: { createdAt: "desc" }, select: { assignees: true } });
      const before = ((previous?.assignees ?? []) as { userId?: string }[]).flatMap((a) => (a.userId ? [a.userId] : []));
      return { assignees, before };
    },
    patch: ({ input, record, now }) => ({ dueAt: dueAfter({ step: "dispatched", planDueAt: input.dueAt }, clockOf(record), now), awaitingMeeting: false }),
    eventData: ({ input }) => ({ note: input.plan }),
    write: ({ tx, actor, record, input, ctx, now }) =>
      tx.orderDispatch.create({
        data: { orderId: record.id, plan: input.plan, assignees: ctx.assignees, dueAt: input.dueAt, createdById: personOf(actor).userId, createdAt: now },
      }),
    // Told once, when a saved dispatch first names them; a new plan with the same people is no news.
    effects: ({ record, ctx }) =>
      toUsers(
        ctx.assignees.flatMap((a) => (a.userId && !ctx.before.includes(a.userId) ? [a.userId] : [])),
        record,
        "assigned",
      ),
    button: { panel: "dispatch" },
  }),
  progress: row({ from: ["IN_PROGRESS"], event: "PROGRESS", operation: "order.progress", who: "role", ...withPhotos("noteRequired") }),
  complete: row({
    from: ["IN_PROGRESS"],
    to: "COMPLETED",
    event: "COMPLETED",
    operation: "order.complete",
    who: "role",
    ...withPhotos("completionNoteRequired"),
    patch: ({ record, now }) => ({ completedAt: now, firstCompletedAt: record.firstCompletedAt ?? now, completions: { increment: 1 } }),
  }),
  followUp: row({ from: ["REOPENED"], event: "FOLLOWED_UP", operation: "order.followUp", who: "role", ...withNote("noteRequired") }),
  close: row({
    from: ["REOPENED"],
    to: "CLOSED",
    event: "CLOSED",
    operation: "order.followUp",
    who: "role",
    ...withNote("noteRequired"),
    patch: ({ now }) => ({ closedAt: now, closeReason: "FOLLOWED_UP" }),
  }),
  sendBack: row({
    from: ["REOPENED"],
    to: "IN_PROGRESS",
    event: "SENT_BACK",
    operation: "order.followUp",
    who: "role",
    ...withNote("noteRequired"),
    patch: ({ record, now }) => ({ dueAt: dueAfter({ step: "sentBack" }, clockOf(record), now), completedAt: null }),
    effects: async ({ record, holders }) => toUsers(await holders("GRID_WORKER", { gridId: record.gridId }), record, "sentBack"),
  }),
  addInfo: row({
    from: ["PLACED", "ACCEPTED", "IN_PROGRESS", "REOPENED"],
    event: "INFO_ADDED",
    operation: "order.manageOwn",
    who: "requester",
    ...withPhotos("noteRequired"),
  }),
  requestMeeting: row({
    from: ["ACCEPTED"],
    event: "MEETING_REQUESTED",
    operation: "order.dispatch",
    who: "role",
    ...withNote("noteRequired"),
    patch: () => ({ awaitingMeeting: true }),
  }),
  transfer: row({
    from: ["PLACED"],
    event: "TRANSFERRED",
    operation: "order.accept",
    who: "role",
    input: transferSchema,
    form: (f) => ({ gridId: f.text("gridId"), note: f.text("note") }),
    check: async ({ record, input, db }) => {
      const target = await db.grid.findFirst({ where: { id: input.gridId, communityId: record.communityId, active: true }, select: { name: true } });
      if (!target || input.gridId === record.gridId) throw new AppError("invalid_input", "transferTargetInvalid");
      return { grid: target.name };
    },
    patch: ({ input }) => ({ gridId: input.gridId }),
    eventData: ({ input, ctx }) => ({ note: input.note, params: { kind: "transferred", grid: ctx.grid } }),
    effects: async ({ record, input, holders }) => toUsers(await holders("GRID_WORKER", { gridId: input.gridId }), record, "transferredIn"),
    button: { panel: "transfer" },
  }),
  merge: row({
    from: ["PLACED"],
    to: "CLOSED",
    event: "MERGED",
    operation: "order.accept",
    who: "role",
    input: mergeSchema,
    form: (f) => ({ targetNumber: f.text("targetNumber"), note: f.text("note") }),
    check: async ({ actor, record, input, db }) => {
      const target = await db.order.findFirst({
        where: {
          AND: [{ number: input.targetNumber, communityId: record.communityId, status: { in: [...openStatuses] } }, orderScope(personOf(actor), "order.view")],
        },
        select: { id: true, number: true },
      });
      if (!target || target.id === record.id) throw new AppError("invalid_input", "mergeTargetInvalid");
      return { target };
    },
    patch: ({ record, ctx, now }) => ({ mergedIntoId: ctx.target.id, closeReason: "MERGED", closedAt: now, respondedAt: record.respondedAt ?? now }),
    eventData: ({ input, ctx }) => ({ note: input.note, params: { kind: "merged", target: ctx.target.number } }),
    effects: ({ record, ctx }) => toUsers([record.requesterId], record, "merged", { target: ctx.target.number }),
    button: { panel: "merge" },
  }),
  restoreToBoard: moderation(false),
  hideFromBoard: moderation(true),
  decline: row({
    from: ["PLACED"],
    to: "DECLINED",
    event: "DECLINED",
    operation: "order.accept",
    who: "role",
    ...withNote("reasonRequired"),
    patch: ({ record, now }) => ({ closedAt: now, respondedAt: record.respondedAt ?? now }),
    button: { panel: "note", danger: true },
  }),
  withdraw: row({
    from: ["PLACED"],
    to: "WITHDRAWN",
    event: "WITHDRAWN",
    operation: "order.manageOwn",
    who: "requester",
    input: noteSchema,
    form: noteForm,
    patch: ({ now }) => ({ closedAt: now }),
    eventData: ({ input }) => ({ note: input.note }),
    effects: async ({ record, to, holders }) => toUsers(await holders("GRID_WORKER", { gridId: record.gridId }), record, "statusChanged", { status: to }),
    button: { panel: "withdraw", danger: true },
  }),
  rate: rating(true),
  rateAsNeighbour: rating(false),

  // The system's steps.
  /** Completed more than `days` ago and never rated: closes as 未评价 (never "satisfied"). */
  autoClose: row({
    from: ["COMPLETED"],
    to: "CLOSED",
    event: "CLOSED",
    who: "system",
    input: z.object({ days: z.number().int().positive() }),
    patch: ({ now }) => ({ closeReason: "UNRATED", closedAt: now }),
    eventData: ({ input }) => ({ params: { kind: "closedUnrated", days: input.days } }),
  }),
  /** An administrator moved the order's courtyard to another grid: its open orders go along. */
  moveWithCourtyard: row({
    from: openStatuses,
    event: "TRANSFERRED",
    who: "system",
    input: z.object({ gridId: z.string(), fromGrid: z.string(), toGrid: z.string() }),
    patch: ({ input }) => ({ gridId: input.gridId }),
    eventData: ({ input }) => ({ params: { kind: "courtyardMoved", from: input.fromGrid, to: input.toGrid } }),
    effects: async ({ record, input, holders }) => toUsers(await holders("GRID_WORKER", { gridId: input.gridId }), record, "transferredIn"),
  }),
};

export type OrderCommand = keyof typeof orderCommands;
