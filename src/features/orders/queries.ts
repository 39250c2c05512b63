import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import { asPublished, boardWhere, openableWhere } from "@/domain/orders/board";
import { overdue } from "@/domain/orders/deadlines";
import { isOpen, openStatuses } from "@/domain/orders/machine";
import { orderProcess } from "@/domain/orders/process";
import { orderCommands, type OrderButton, type OrderCommand } from "@/domain/orders/registry";
import { allowedCommands, startsFrom } from "@/domain/workflow/table";
import { orderLocation, orderScope } from "@/domain/orders/scope";
import { maskParams } from "@/domain/notifications/notify";
import { maskPhone, maskPhoneNumbers, maskPublicText } from "@/domain/privacy/mask";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { paginate, type Paged } from "@/lib/search-params";
import { onBehalfWhere } from "./queue-options";

export const PAGE_SIZE = 20;

/** The columns an order list row shows; the staff lists use the same row. */
export const listSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  dueAt: true,
  createdAt: true,
  meTooCount: true,
  awaitingMeeting: true,
  category: { select: { nameZh: true, nameEn: true } },
  courtyard: { select: { name: true } },
} satisfies Prisma.OrderSelect;

type ListRow = Prisma.OrderGetPayload<{ select: typeof listSelect }>;

export function toListItem(row: ListRow, now: Date) {
  return {
    id: row.id,
    number: row.number,
    // Lists are read by many (staff, the worker's colleagues): numbers in titles stay masked.
    title: maskPhoneNumbers(row.title),
    status: row.status,
    category: { zh: row.category.nameZh, en: row.category.nameEn },
    courtyard: row.courtyard.name,
    dueAt: row.dueAt,
    createdAt: row.createdAt,
    meTooCount: row.meTooCount,
    awaitingMeeting: row.awaitingMeeting,
    overdue: overdue(row, now),
  };
}
export type OrderListItem = ReturnType<typeof toListItem>;

async function paged(where: Prisma.OrderWhereInput, orderBy: Prisma.OrderOrderByWithRelationInput[], page: number): Promise<Paged<OrderListItem>> {
  const now = new Date();
  const list = await paginate(
    page,
    PAGE_SIZE,
    () => db.order.count({ where }),
    (window) => db.order.findMany({ where, orderBy, select: listSelect, ...window }),
  );
  return { ...list, items: list.items.map((r) => toListItem(r, now)) };
}

/** 我的点单: the orders the signed-in resident requested, newest first. */
export function listOwnOrders(actor: Actor, page = 1) {
  return paged({ requesterId: actor.userId }, [{ createdAt: "desc" }], page);
}

export type QueueFilters = { status?: OrderStatus; categoryId?: string; courtyardId?: string; page?: number };

/** The grid worker's queue: open orders of their grids, overdue first, then nearest due. */
export function gridQueue(actor: Actor, filters: QueueFilters = {}) {
  const where: Prisma.OrderWhereInput = {
    AND: [
      orderScope(actor, "order.accept"),
      { status: filters.status ? filters.status : { in: [...openStatuses] } },
      filters.categoryId ? { categoryId: filters.categoryId } : {},
      filters.courtyardId ? { courtyardId: filters.courtyardId } : {},
    ],
  };
  return paged(where, [{ dueAt: "asc" }, { number: "asc" }], filters.page ?? 1);
}

/** The branch secretary's board: accepted orders awaiting dispatch, then those in progress. */
export async function dispatchBoard(actor: Actor) {
  const scope = orderScope(actor, "order.dispatch");
  const [awaiting, inProgress] = await Promise.all([
    paged({ AND: [scope, { status: "ACCEPTED" }] }, [{ dueAt: "asc" }], 1),
    paged({ AND: [scope, { status: "IN_PROGRESS" }] }, [{ dueAt: "asc" }], 1),
  ]);
  return { awaiting, inProgress };
}

/**
 * The courtyard's public board, anonymised: nothing about who asked, and their text as
 * neighbours may read it (phone and door numbers masked) — on their own cards too, so that
 * the requester sees what is published.
 */
export async function publicBoard(actor: Actor, page = 1) {
  const where = boardWhere(actor);
  const list = await paginate(
    page,
    PAGE_SIZE,
    () => db.order.count({ where }),
    (window) =>
      db.order.findMany({
        where,
        orderBy: [{ createdAt: "desc" }],
        ...window,
        select: {
          id: true,
          number: true,
          title: true,
          description: true,
          status: true,
          createdAt: true,
          meTooCount: true,
          requesterId: true,
          category: { select: { nameZh: true, nameEn: true } },
          courtyard: { select: { name: true } },
          meToos: { where: { userId: actor.userId }, select: { userId: true } },
          completions: true,
          ratings: { where: { raterId: actor.userId }, select: { round: true } },
        },
      }),
  );
  const items = list.items.map((r) => ({
    id: r.id,
    number: r.number,
    ...asPublished(r),
    status: r.status,
    createdAt: r.createdAt,
    meTooCount: r.meTooCount,
    category: { zh: r.category.nameZh, en: r.category.nameEn },
    courtyard: r.courtyard.name,
    mine: r.requesterId === actor.userId,
    meTooByMe: r.meToos.length > 0,
    canMeToo: r.requesterId !== actor.userId && r.meToos.length === 0 && openStatuses.includes(r.status),
    canRate:
      r.requesterId !== actor.userId && !r.ratings.some((x) => x.round === Math.max(r.completions, 1)) && startsFrom(orderCommands.rateAsNeighbour, r.status),
  }));
  return { ...list, items };
}
export type BoardItem = Awaited<ReturnType<typeof publicBoard>>["items"][number];

/** An event's stored params: a kind and plain values (anything else is left unsaid). */
function eventParams(value: Prisma.JsonValue): { kind: string; params: Record<string, string | number> } | null {
  if (!value || typeof value !== "object" || Array.isArray(value) || typeof value.kind !== "string") return null;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(value)) if (k !== "kind" && (typeof v === "string" || typeof v === "number")) params[k] = v;
  return { kind: value.kind, params };
}

/** A command the page offers, with how its button opens (the registry's `button`). */
export type OrderAction = { command: OrderCommand } & OrderButton;

/**
 * The order this one was merged into, as the reader of this one may see it. Whoever may not
 * open it (the duplicate's requester, usually) gets its number, status and the steps it went
 * through — what a neighbour sees of a public order, without what anyone wrote.
 */
async function mergedTarget(actor: Actor, target: { id: string; number: number } | null, mine: boolean) {
  if (!target) return null;
  const row = await db.order.findFirst({
    where: { id: target.id },
    select: {
      status: true,
      dueAt: true,
      events: mine ? { orderBy: { createdAt: "asc" }, select: { id: true, type: true, fromStatus: true, toStatus: true, createdAt: true } } : false,
    },
  });
  if (!row) return null;
  const visible = (await db.order.count({ where: { AND: [{ id: target.id }, openableWhere(actor)] } })) === 1;
  return {
    id: visible ? target.id : null,
    number: target.number,
    status: row.status,
    visible,
    dueAt: isOpen(row.status) ? row.dueAt : null,
    progress: visible || !row.events ? [] : row.events.map((e, i) => ({ key: i, type: e.type, from: e.fromStatus, to: e.toStatus, at: e.createdAt })),
  };
}

/**
 * One order with its timeline, as the actor may see it: in full for the requester and for
 * those in scope; anonymised (no name, phone or room) for a neighbour reading the public board.
 */
export async function getOrderDetail(actor: Actor, orderId: string) {
  const inScope = orderScope(actor, "order.view");
  const order = await db.order.findFirst({
    where: { AND: [{ id: orderId }, openableWhere(actor)] },
    include: {
      category: true,
      courtyard: { select: { name: true } },
      building: { select: { number: true } },
      requester: { select: { id: true, name: true, phone: true, residences: { select: { courtyardId: true, unit: true, room: true } } } },
      mergedInto: { select: { id: true, number: true } },
      events: {
        orderBy: { createdAt: "asc" },
        include: { actor: { select: { id: true, name: true } }, photos: { select: { id: true } } },
      },
      dispatches: { orderBy: { createdAt: "desc" } },
      ratings: { orderBy: { createdAt: "asc" } },
      meToos: { where: { userId: actor.userId }, select: { userId: true } },
    },
  });
  if (!order) return null;
  const full = (await db.order.count({ where: { AND: [{ id: orderId }, inScope] } })) === 1;
  const mine = order.requesterId === actor.userId;
  const loc = orderLocation(order);
  const contact = can(actor, "resident.viewContact", loc);
  // What residents wrote: as written for the requester and those who call them back; numbers
  // masked for staff (revealing one is a logged act); numbers and doors masked for neighbours.
  const text = mine || contact ? (t: string) => t : full ? maskPhoneNumbers : maskPublicText;
  const home = order.requester.residences.find((r) => r.courtyardId === order.courtyardId);
  // Staff and the requester see ratings with their rater's role; handlers see the scores only.
  const ratings = order.ratings
    .filter((r) => full || r.raterId === actor.userId)
    .map((r) => ({
      goal: r.goal,
      timing: r.timing,
      form: r.form,
      conduct: r.conduct,
      comment: text(r.comment),
      isRequester: r.isRequester,
      createdAt: r.createdAt,
    }));

  return {
    id: order.id,
    number: order.number,
    title: text(order.title),
    description: text(order.description),
    status: order.status,
    closeReason: order.closeReason,
    isPublic: order.isPublic,
    // Only those who read it in full learn that a post was hidden (a neighbour no longer reads it).
    boardHidden: full && order.isPublic && order.boardHiddenAt !== null,
    awaitingMeeting: order.awaitingMeeting,
    contactPreference: full ? order.contactPreference : null,
    category: { zh: order.category.nameZh, en: order.category.nameEn },
    courtyard: order.courtyard.name,
    building: full ? (order.building?.number ?? null) : null,
    createdAt: order.createdAt,
    dueAt: order.dueAt,
    responseDueAt: order.responseDueAt,
    resolutionDueAt: order.resolutionDueAt,
    overdue: overdue(order, new Date()),
    meTooCount: order.meTooCount,
    meTooByMe: order.meToos.length > 0,
    mergedInto: await mergedTarget(actor, order.mergedInto, mine),
    mine,
    requester: full
      ? {
          name: order.requester.name,
          phone: contact || mine ? order.requester.phone : maskPhone(order.requester.phone),
          room: contact || mine ? [home?.unit, home?.room].filter(Boolean).join(" ") : null,
          // Staff see the number masked and may reveal it, which is logged.
          canReveal: !contact && !mine && can(actor, "resident.revealContact", loc),
        }
      : null,
    timeline: order.events.map((e) => ({
      id: e.id,
      type: e.type,
      from: e.fromStatus,
      to: e.toStatus,
      // A neighbour sees what happened, not who the requester is.
      actor: full || e.actorId !== order.requesterId ? (e.actor?.name ?? null) : null,
      byRequester: e.actorId === order.requesterId,
      // Ratings are shown to neighbours only as their own; the event's note repeats the comment.
      note: full || e.type !== "RATED" ? text(e.note) : "",
      // What the system said about the step, as data, for the page to say in the reader's language.
      says: e.type === "RATED" ? null : eventParams(e.params),
      photos: full ? e.photos.map((p) => p.id) : [],
      at: e.createdAt,
    })),
    dispatches: full
      ? order.dispatches.map((d) => ({
          plan: text(d.plan),
          dueAt: d.dueAt,
          assignees: d.assignees as { kind: string; name: string }[],
          createdAt: d.createdAt,
        }))
      : [],
    ratings,
    // What the actor may do to the order now, from the registry; the writer checks again.
    actions: allowedCommands(orderProcess, actor, order).map((command): OrderAction => ({ command, ...(orderCommands[command].button as OrderButton) })),
  };
}
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderDetail>>>;

export function activeCategories() {
  return db.orderCategory.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { nameZh: "asc" }],
    select: { id: true, nameZh: true, nameEn: true, responseHours: true, resolutionDays: true },
  });
}

/** Other grids of the order's community, for 转派. */
export async function transferTargets(actor: Actor, orderId: string) {
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderScope(actor, "order.accept")] }, select: { communityId: true, gridId: true } });
  if (!order) return [];
  return db.grid.findMany({
    where: { communityId: order.communityId, active: true, id: { not: order.gridId } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Grid workers of the order's community, for 下单. */
export async function dispatchWorkers(actor: Actor, orderId: string) {
  const order = await db.order.findFirst({ where: { AND: [{ id: orderId }, orderScope(actor, "order.dispatch")] }, select: { communityId: true } });
  if (!order) return [];
  return db.user.findMany({
    where: { disabledAt: null, roles: { some: { role: "GRID_WORKER", grid: { communityId: order.communityId } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Residents of the worker's grids, for 代点单; phone numbers shown in full to the worker. */
export async function residentsForOnBehalf(actor: Actor, search: string) {
  const resident = onBehalfWhere(actor);
  const q = search.trim();
  if (!resident || q.length < 1) return [];
  const rows = await db.user.findMany({
    where: {
      disabledAt: null,
      roles: { some: resident },
      OR: [{ name: { contains: q } }, { phone: { contains: q } }],
    },
    select: {
      id: true,
      name: true,
      phone: true,
      residences: { select: { unit: true, room: true, courtyard: { select: { name: true } }, building: { select: { number: true } } } },
    },
    take: 20,
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    home: r.residences.map((h) => [h.courtyard.name, h.building?.number, h.unit, h.room].filter(Boolean).join(" "))[0] ?? "",
  }));
}

export async function notificationsFor(actor: Actor, page = 1) {
  const where = { userId: actor.userId };
  const list = await paginate(
    page,
    PAGE_SIZE,
    () => db.notification.count({ where }),
    (window) =>
      db.notification.findMany({
        where,
        orderBy: { createdAt: "desc" },
        ...window,
        select: { id: true, kind: true, params: true, orderId: true, readAt: true, createdAt: true },
      }),
  );
  // Rows written before numbers were masked on the way in are masked on the way out.
  return { ...list, items: list.items.map((n) => ({ ...n, params: maskParams(n.params as Record<string, string | number>) })) };
}

export function unreadCount(actor: Actor) {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}
