// The one writer of Order.status. Every command: load the order through the actor's scope,
// check the permission and the transition table, then change the status (guarded by the
// status it was read in, so a race has one winner) and write the timeline event in the same
// transaction; notifications go out after commit.
import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import { MAX_PHOTOS_PER_ORDER } from "@/domain/limits/volume-limits";
import { notify, type NotificationMessage } from "@/domain/notifications/notify";
import { can, type Actor, type Operation } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, notFoundError } from "@/server/errors";
import { transition, type OrderCommand, type TransitionContext } from "./machine";
import { orderLocation, orderScope } from "./scope";

export const loadedOrder = {
  include: { category: true, acceptedBy: { select: { name: true } } },
} satisfies Prisma.OrderDefaultArgs;
export type LoadedOrder = Prisma.OrderGetPayload<typeof loadedOrder>;

export type Tx = Prisma.TransactionClient;

export type CommandSpec = {
  command: OrderCommand;
  operation: Operation;
  /** Only the person who requested the order may do this. */
  requesterOnly?: boolean;
  /** How the order becomes visible to the actor (default: orderScope for order.view). */
  visibleWhere?: Prisma.OrderWhereInput;
  /** The timeline note; a function when it depends on what `check` found. */
  note?: string | (() => string);
  photoIds?: string[];
  context?: (order: LoadedOrder) => TransitionContext;
  /** What else must still hold when the change is written (a race loses like a status race). */
  guard?: Prisma.OrderWhereInput;
  /** Extra checks on the loaded order, before anything is written. */
  check?: (order: LoadedOrder) => Promise<void> | void;
  /** Fields that change with the status. */
  patch?: (order: LoadedOrder, to: OrderStatus, now: Date) => Prisma.OrderUncheckedUpdateManyInput;
  /** Rows written with the change (dispatch plan, rating …), in the same transaction. */
  write?: (tx: Tx, order: LoadedOrder, eventId: string, now: Date) => Promise<void>;
  /** Who hears about it, after commit (the requester hears of every status change). */
  recipients?: (order: LoadedOrder, to: OrderStatus) => Promise<NotificationMessage[]>;
  /** What the requester hears of a status change, when not the plain "status changed". */
  requesterMessage?: (order: LoadedOrder, to: OrderStatus) => NotificationMessage;
};

export type CommandResult = { id: string; number: number; status: OrderStatus };

export async function loadOrderFor(actor: Actor, orderId: string, where?: Prisma.OrderWhereInput): Promise<LoadedOrder> {
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, where ?? orderScope(actor, "order.view")] },
    ...loadedOrder,
  });
  if (!order) throw notFoundError();
  return order;
}

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

/** Why the order is no longer in the status the command needs, for the person who raced. */
async function conflictFor(tx: Tx, orderId: string): Promise<AppError> {
  const now = await tx.order.findUnique({ where: { id: orderId }, select: { status: true, acceptedBy: { select: { name: true } } } });
  if (now?.acceptedBy && now.status !== "PLACED") return new AppError("conflict", "alreadyAccepted", { name: now.acceptedBy.name });
  return new AppError("conflict", "statusChanged");
}

export async function runCommand(actor: Actor, orderId: string, spec: CommandSpec): Promise<CommandResult> {
  const order = await loadOrderFor(actor, orderId, spec.visibleWhere);
  if (!can(actor, spec.operation, orderLocation(order))) throw notFoundError();
  if (spec.requesterOnly && order.requesterId !== actor.userId) throw notFoundError();

  const result = transition(order.status, spec.command, spec.context?.(order) ?? { requiresDispatch: order.category.requiresDispatch });
  if (!result.ok) {
    if (spec.command === "accept" && order.acceptedBy) throw new AppError("conflict", "alreadyAccepted", { name: order.acceptedBy.name });
    throw new AppError("conflict", "statusChanged");
  }
  await spec.check?.(order);

  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: order.id, status: order.status, gridId: order.gridId, ...spec.guard },
      data: { status: result.to, updatedAt: now, ...spec.patch?.(order, result.to, now) },
    });
    // Read through the transaction's own connection: asking the pool for another while
    // holding this one can starve it under a burst of concurrent commands.
    if (count === 0) throw await conflictFor(tx, order.id);
    const event = await tx.orderEvent.create({
      data: {
        orderId: order.id,
        actorId: actor.userId,
        type: result.event,
        fromStatus: order.status,
        toStatus: result.to,
        note: (typeof spec.note === "function" ? spec.note() : spec.note) ?? "",
        createdAt: now,
      },
    });
    await attachPhotos(tx, actor, spec.photoIds ?? [], order.id, event.id);
    await spec.write?.(tx, order, event.id, now);
  });

  const messages = (await spec.recipients?.(order, result.to).catch(() => [])) ?? [];
  if (result.to !== order.status) {
    if (order.requesterId !== actor.userId) messages.push(spec.requesterMessage?.(order, result.to) ?? statusMessage(order, result.to));
    messages.push(...(await followersOf(order, result.to).catch(() => [])));
  }
  await notify(messages.filter((m) => m.userId !== actor.userId));
  return { id: order.id, number: order.number, status: result.to };
}

/**
 * The requesters of orders merged into this one follow it from their own order's page: they
 * hear of its status under their own order, never with this one's title.
 */
async function followersOf(order: LoadedOrder, to: OrderStatus): Promise<NotificationMessage[]> {
  const merged = await db.order.findMany({ where: { mergedIntoId: order.id }, select: { id: true, number: true, title: true, requesterId: true } });
  return merged
    .filter((m) => m.requesterId !== order.requesterId)
    .map((m) => ({ userId: m.requesterId, orderId: m.id, kind: "mergedProgress", params: { number: m.number, title: m.title, target: order.number, status: to } }));
}

export const statusMessage = (order: { id: string; number: number; title: string; requesterId: string }, status: OrderStatus): NotificationMessage => ({
  userId: order.requesterId,
  orderId: order.id,
  kind: "statusChanged",
  params: { number: order.number, title: order.title, status },
});
