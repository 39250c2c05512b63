// The courtyard's public board (院落公示): which public orders residents read there, and
// staff taking a post off it (and back) with a reason. Hiding is a change of the order's
// publicity, written by the order's single writer (./run-command.ts) with its timeline
// event, an audit row and a word to the requester; the order's own work goes on.
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/domain/admin/audit";
import type { NotificationMessage } from "@/domain/notifications/notify";
import { maskPublicText } from "@/domain/privacy/mask";
import { reach, type Actor } from "@/server/authz/permissions";
import { ordersIn } from "@/server/authz/scope";
import { AppError } from "@/server/errors";
import { boardStatuses } from "./machine";
import { runCommand, type LoadedOrder } from "./run-command";
import { orderScope } from "./scope";
import { requiredNoteSchema } from "./schemas";

/**
 * What the board of the courtyards where the actor lives shows, their own posts included:
 * the public orders on show inside reach(actor, "order.board").
 */
export function boardWhere(actor: Actor): Prisma.OrderWhereInput {
  return { AND: [ordersIn(reach(actor, "order.board"))], isPublic: true, boardHiddenAt: null, status: { in: [...boardStatuses] } };
}

/** The orders the actor may open: those in reach for order.view, and those on their board. */
export function openableWhere(actor: Actor): Prisma.OrderWhereInput {
  return { OR: [orderScope(actor, "order.view"), boardWhere(actor)] };
}

/** Neighbours' posts on the actor's board (同需, a neighbour's rating, an anonymised page). */
export function publicBoardWhere(actor: Actor): Prisma.OrderWhereInput {
  return { ...boardWhere(actor), requesterId: { not: actor.userId } };
}

/** A post's text as the board publishes it: phone, long and door numbers masked. */
export const asPublished = (order: { title: string; description: string }) => ({
  title: maskPublicText(order.title),
  description: maskPublicText(order.description),
});

const toRequester = (order: LoadedOrder, kind: "boardHidden" | "boardRestored", reason: string): NotificationMessage => ({
  userId: order.requesterId,
  orderId: order.id,
  kind,
  params: { number: order.number, title: order.title, reason },
});

async function moderate(actor: Actor, orderId: string, raw: { note: string }, hide: boolean) {
  const { note } = requiredNoteSchema("reasonRequired").parse(raw);
  // On the board now (to hide), or hidden (to restore): also the compare-and-set of the write.
  const guard: Prisma.OrderWhereInput = { isPublic: true, boardHiddenAt: hide ? null : { not: null } };
  return runCommand(actor, orderId, {
    command: hide ? "hideFromBoard" : "restoreToBoard",
    operation: "order.moderate",
    note,
    guard,
    check: (order) => {
      if (!order.isPublic || (order.boardHiddenAt === null) !== hide) throw new AppError("conflict", hide ? "boardNotShown" : "boardNotHidden");
    },
    patch: (o, to, now) => ({ boardHiddenAt: hide ? now : null }),
    write: (tx, order) =>
      recordAudit(tx, actor, {
        action: hide ? "order.hideFromBoard" : "order.restoreToBoard",
        entityType: "order",
        entityId: order.id,
        communityId: order.communityId,
        after: { orderNumber: order.number, reason: note },
      }),
    recipients: async (order) => [toRequester(order, hide ? "boardHidden" : "boardRestored", note)],
  });
}

/** Staff take a public post off the board, saying why; neighbours no longer read it. */
export const hideFromBoard = (actor: Actor, orderId: string, raw: { note: string }) => moderate(actor, orderId, raw, true);

/** Staff put a hidden post back on the board. */
export const restoreToBoard = (actor: Actor, orderId: string, raw: { note: string }) => moderate(actor, orderId, raw, false);
