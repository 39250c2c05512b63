import "server-only";
// Scoped reads for the staff pages: the overdue list, the follow-up queue and the filter
// choices. Orders come through orderScope(actor, "metrics.view"): staff see their community's.
import type { Prisma } from "@/generated/prisma/client";
import { visibleCommunityIds } from "@/domain/metrics/overview";
import { openStatuses } from "@/domain/orders/machine";
import { orderScope } from "@/domain/orders/scope";
import { asPublished } from "@/domain/orders/board";
import { maskPhone, maskPhoneNumbers, sensitiveIn } from "@/domain/privacy/mask";
import { listSelect, toListItem, type OrderListItem } from "@/features/orders/queries";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { paginate, type Paged } from "@/lib/search-params";

export const STAFF_PAGE_SIZE = 20;

/** Open orders of the community past their deadline now, the longest overdue first. */
export async function overdueOrders(actor: Actor, page = 1, now = new Date()): Promise<Paged<OrderListItem>> {
  const where: Prisma.OrderWhereInput = { AND: [orderScope(actor, "metrics.view"), { status: { in: [...openStatuses] }, dueAt: { lt: now } }] };
  const list = await paginate(
    page,
    STAFF_PAGE_SIZE,
    () => db.order.count({ where }),
    (window) => db.order.findMany({ where, orderBy: [{ dueAt: "asc" }, { number: "asc" }], select: listSelect, ...window }),
  );
  return { ...list, items: list.items.map((r) => toListItem(r, now)) };
}

/** 回访中: orders reopened by a poor rating, the nearest follow-up deadline first, with who to call. */
export async function followUpQueue(actor: Actor, page = 1, now = new Date()) {
  const where: Prisma.OrderWhereInput = { AND: [orderScope(actor, "order.followUp"), { status: "REOPENED" }] };
  const list = await paginate(
    page,
    STAFF_PAGE_SIZE,
    () => db.order.count({ where }),
    (window) =>
      db.order.findMany({
        where,
        orderBy: [{ dueAt: "asc" }, { number: "asc" }],
        ...window,
        select: {
          ...listSelect,
          grid: { select: { name: true } },
          requester: { select: { name: true, phone: true } },
          ratings: {
            where: { isRequester: true },
            orderBy: { createdAt: "desc" },
            take: 1,
            select: { goal: true, timing: true, form: true, conduct: true, minScore: true, comment: true, createdAt: true },
          },
        },
      }),
  );
  const items = list.items.map((r) => ({
    id: r.id,
    number: r.number,
    title: maskPhoneNumbers(r.title),
    status: r.status,
    category: { zh: r.category.nameZh, en: r.category.nameEn },
    courtyard: r.courtyard.name,
    grid: r.grid.name,
    dueAt: r.dueAt,
    overdue: now > r.dueAt,
    requester: { name: r.requester.name, maskedPhone: maskPhone(r.requester.phone) },
    rating: r.ratings[0] ? { ...r.ratings[0], comment: maskPhoneNumbers(r.ratings[0].comment) } : null,
  }));
  return { ...list, items };
}
export type FollowUpItem = Awaited<ReturnType<typeof followUpQueue>>["items"][number];

/**
 * 院落公示: the community's public orders as neighbours read them, newest first; those that hold
 * a phone or door number as typed are flagged (the board masks them; staff may hide the post).
 */
export async function boardPosts(actor: Actor, page = 1) {
  const where: Prisma.OrderWhereInput = { AND: [orderScope(actor, "order.moderate"), { isPublic: true }] };
  const list = await paginate(
    page,
    STAFF_PAGE_SIZE,
    () => db.order.count({ where }),
    (window) =>
      db.order.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          number: true,
          title: true,
          description: true,
          status: true,
          createdAt: true,
          boardHiddenAt: true,
          courtyard: { select: { name: true } },
        },
        ...window,
      }),
  );
  const items = list.items.map((r) => ({
    id: r.id,
    number: r.number,
    ...asPublished(r),
    status: r.status,
    courtyard: r.courtyard.name,
    createdAt: r.createdAt,
    hidden: r.boardHiddenAt !== null,
    holds: sensitiveIn(`${r.title}\n${r.description}`),
  }));
  return { ...list, items };
}
export type BoardPost = Awaited<ReturnType<typeof boardPosts>>["items"][number];

/** The grids, courtyards and categories the ratings can be filtered by. */
export async function ratingFilterOptions(actor: Actor) {
  const ids = await visibleCommunityIds(actor);
  const [grids, courtyards, categories] = await Promise.all([
    db.grid.findMany({
      where: { communityId: { in: ids } },
      select: { id: true, name: true, community: { select: { name: true } } },
      orderBy: [{ community: { name: "asc" } }, { name: "asc" }],
    }),
    db.courtyard.findMany({ where: { grid: { communityId: { in: ids } } }, select: { id: true, name: true, gridId: true }, orderBy: { name: "asc" } }),
    db.orderCategory.findMany({ select: { id: true, nameZh: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { nameZh: "asc" }] }),
  ]);
  const several = ids.length > 1;
  return {
    grids: grids.map((g) => ({ id: g.id, name: several ? `${g.community.name} ${g.name}` : g.name })),
    courtyards,
    categories: categories.map((c) => ({ id: c.id, zh: c.nameZh, en: c.nameEn })),
  };
}
export type RatingFilterOptions = Awaited<ReturnType<typeof ratingFilterOptions>>;

/** How many orders wait for a follow-up now. */
export function followUpCount(actor: Actor) {
  return db.order.count({ where: { AND: [orderScope(actor, "order.followUp"), { status: "REOPENED" }] } });
}
