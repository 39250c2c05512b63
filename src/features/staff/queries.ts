import "server-only";
// Scoped reads for the staff pages: the overdue list, the follow-up queue and the filter
// choices. Orders come through orderScope(actor, "metrics.view"): staff see their community's.
import type { Prisma } from "@/generated/prisma/client";
import { visibleCommunityIds } from "@/domain/metrics/overview";
import { openStatuses } from "@/domain/orders/machine";
import { orderScope } from "@/domain/orders/scope";
import { asPublished } from "@/domain/orders/board";
import { maskPhone, maskPhoneNumbers, sensitiveIn } from "@/domain/privacy/mask";
import { listSelect, toListItem, type OrderListItem, type Page } from "@/features/orders/queries";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";

export const STAFF_PAGE_SIZE = 20;


const pageOf = (page: number, total: number) => {
  const pages = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  return { page: Math.min(Math.max(1, Math.floor(page) || 1), pages), pages };
};

/** Open orders of the community past their deadline now, the longest overdue first. */
export async function overdueOrders(actor: Actor, page = 1, now = new Date()): Promise<Page<OrderListItem>> {
  const where: Prisma.OrderWhereInput = { AND: [orderScope(actor, "metrics.view"), { status: { in: [...openStatuses] }, dueAt: { lt: now } }] };
  const total = await db.order.count({ where });
  const at = pageOf(page, total);
  const rows = total
    ? await db.order.findMany({ where, orderBy: [{ dueAt: "asc" }, { number: "asc" }], select: listSelect, skip: (at.page - 1) * STAFF_PAGE_SIZE, take: STAFF_PAGE_SIZE })
    : [];
  const items = rows.map((r) => toListItem(r, now));
  return { items, total, ...at };
}

/** 回访中: orders reopened by a poor rating, the nearest follow-up deadline first, with who to call. */
export async function followUpQueue(actor: Actor, page = 1, now = new Date()) {
  const where: Prisma.OrderWhereInput = { AND: [orderScope(actor, "order.followUp"), { status: "REOPENED" }] };
  const total = await db.order.count({ where });
  const at = pageOf(page, total);
  const rows = total
    ? await db.order.findMany({
        where,
        orderBy: [{ dueAt: "asc" }, { number: "asc" }],
        skip: (at.page - 1) * STAFF_PAGE_SIZE,
        take: STAFF_PAGE_SIZE,
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
      })
    : [];
  const items = rows.map((r) => ({
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
  return { items, total, ...at };
}
export type FollowUpItem = Awaited<ReturnType<typeof followUpQueue>>["items"][number];

/**
 * 院落公示: the community's public orders as neighbours read them, newest first; those that hold
 * a phone or door number as typed are flagged (the board masks them; staff may hide the post).
 */
export async function boardPosts(actor: Actor, page = 1) {
  const where: Prisma.OrderWhereInput = { AND: [orderScope(actor, "order.moderate"), { isPublic: true }] };
  const total = await db.order.count({ where });
  const at = pageOf(page, total);
  const rows = total
    ? await db.order.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: { id: true, number: true, title: true, description: true, status: true, createdAt: true, boardHiddenAt: true, courtyard: { select: { name: true } } },
        skip: (at.page - 1) * STAFF_PAGE_SIZE,
        take: STAFF_PAGE_SIZE,
      })
    : [];
  const items = rows.map((r) => ({
    id: r.id,
    number: r.number,
    ...asPublished(r),
    status: r.status,
    courtyard: r.courtyard.name,
    createdAt: r.createdAt,
    hidden: r.boardHiddenAt !== null,
    holds: sensitiveIn(`${r.title}\n${r.description}`),
  }));
  return { items, total, ...at };
}
export type BoardPost = Awaited<ReturnType<typeof boardPosts>>["items"][number];

/** The grids, courtyards and categories the ratings can be filtered by. */
export async function ratingFilterOptions(actor: Actor) {
  const ids = await visibleCommunityIds(actor);
  const [grids, courtyards, categories] = await Promise.all([
    db.grid.findMany({ where: { communityId: { in: ids } }, select: { id: true, name: true, community: { select: { name: true } } }, orderBy: [{ community: { name: "asc" } }, { name: "asc" }] }),
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
