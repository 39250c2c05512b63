// The ratings staff review (大众评单): every rating of their communities' orders, the poor
// ones first, with averages per dimension over the same filtered set. Scope comes from
// "metrics.view" (./overview.ts visibleCommunityIds). Phone numbers leave this module masked
// (the requester's, and any typed into a comment): only ./reveal.ts hands staff a full
// number, and logs it.
import { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import { maskPhone, maskPhoneNumbers } from "@/domain/privacy/mask";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { paginate } from "@/lib/search-params";
import { visibleCommunityIds } from "./overview";
import { instants, type Day } from "./periods";

export const RATINGS_PAGE_SIZE = 20;

/** poor: any dimension ≤ 2 (calls for a follow-up) · neutral: lowest 3 · satisfied: all ≥ 4. */
export const scoreBands = ["all", "poor", "neutral", "satisfied"] as const;
export type ScoreBand = (typeof scoreBands)[number];
export const raterKinds = ["all", "requester", "neighbour"] as const;
export type RaterKind = (typeof raterKinds)[number];

export type RatingFilters = {
  gridId?: string;
  courtyardId?: string;
  categoryId?: string;
  band: ScoreBand;
  rater: RaterKind;
  /** Rated on or after this day / on or before this day, China time. */
  from?: Day;
  to?: Day;
};

export const noRatingFilters: RatingFilters = { band: "all", rater: "all" };

const bandWhere: Record<ScoreBand, Prisma.IntFilter | undefined> = {
  all: undefined,
  poor: { lte: 2 },
  neutral: { equals: 3 },
  satisfied: { gte: 4 },
};

export function ratingWhere(communityIds: string[], f: RatingFilters): Prisma.OrderRatingWhereInput {
  const range = f.from || f.to ? instants(f.from ?? "2000-01-01", f.to ?? "2099-12-31") : null;
  // The rating's own copy of where its order stood (docs/decisions/019-rating-location.md):
  // every filter and the list order are answered by OrderRating_review_idx alone.
  return {
    communityId: { in: communityIds },
    ...(f.gridId ? { gridId: f.gridId } : {}),
    ...(f.courtyardId ? { courtyardId: f.courtyardId } : {}),
    ...(f.categoryId ? { categoryId: f.categoryId } : {}),
    ...(range ? { createdAt: { gte: range.from, lt: range.to } } : {}),
    ...(bandWhere[f.band] ? { minScore: bandWhere[f.band] } : {}),
    ...(f.rater === "all" ? {} : { isRequester: f.rater === "requester" }),
  };
}

// Poor first, newest first among equals; the id keeps pages and export batches stable.
const ratingOrder: Prisma.OrderRatingOrderByWithRelationInput[] = [{ minScore: "asc" }, { createdAt: "desc" }, { id: "asc" }];

const rowSelect = {
  id: true,
  goal: true,
  timing: true,
  form: true,
  conduct: true,
  minScore: true,
  comment: true,
  isRequester: true,
  round: true,
  createdAt: true,
  category: { select: { nameZh: true, nameEn: true } },
  courtyard: { select: { name: true } },
  grid: { select: { name: true } },
  order: {
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      requester: { select: { name: true, phone: true } },
    },
  },
} satisfies Prisma.OrderRatingSelect;

type Row = Prisma.OrderRatingGetPayload<{ select: typeof rowSelect }>;

export type RatingRow = {
  id: string;
  orderId: string;
  number: number;
  title: string;
  status: OrderStatus;
  category: { zh: string; en: string };
  courtyard: string;
  grid: string;
  goal: number;
  timing: number;
  form: number;
  conduct: number;
  minScore: number;
  comment: string;
  /** The requester's own rating, or a neighbour's rating of a public order. */
  isRequester: boolean;
  round: number;
  createdAt: Date;
  requester: { name: string; maskedPhone: string };
};

const toRow = (r: Row): RatingRow => ({
  id: r.id,
  orderId: r.order.id,
  number: r.order.number,
  title: maskPhoneNumbers(r.order.title),
  status: r.order.status,
  category: { zh: r.category.nameZh, en: r.category.nameEn },
  courtyard: r.courtyard.name,
  grid: r.grid.name,
  goal: r.goal,
  timing: r.timing,
  form: r.form,
  conduct: r.conduct,
  minScore: r.minScore,
  // A number a resident typed into the title or the comment is masked like theirs.
  comment: maskPhoneNumbers(r.comment),
  isRequester: r.isRequester,
  round: r.round,
  createdAt: r.createdAt,
  requester: { name: r.order.requester.name, maskedPhone: maskPhone(r.order.requester.phone) },
});

export type RatingAverages = { count: number; goal: number | null; timing: number | null; form: number | null; conduct: number | null };

export type RatingsPage = { items: RatingRow[]; page: number; pages: number; total: number; averages: RatingAverages };

const noAverages: RatingAverages = { count: 0, goal: null, timing: null, form: null, conduct: null };

/** One page of the filtered ratings and the averages of the whole filtered set. */
export async function listRatings(actor: Actor, filters: RatingFilters, page = 1): Promise<RatingsPage> {
  const ids = await visibleCommunityIds(actor);
  if (ids.length === 0) return { items: [], page: 1, pages: 1, total: 0, averages: noAverages };
  const where = ratingWhere(ids, filters);
  // One aggregate gives the count that pages the list and the averages shown above it.
  const aggregate = db.orderRating.aggregate({ where, _count: { _all: true }, _avg: { goal: true, timing: true, form: true, conduct: true } });
  const list = await paginate(
    page,
    RATINGS_PAGE_SIZE,
    async () => (await aggregate)._count._all,
    (window) => db.orderRating.findMany({ where, orderBy: ratingOrder, select: rowSelect, ...window }),
  );
  return { ...list, items: list.items.map(toRow), averages: { count: list.total, ...(await aggregate)._avg } };
}

/** Every filtered rating for an export, in list order, a batch at a time (at most `max`). */
export async function* ratingBatches(actor: Actor, filters: RatingFilters, options: { batch?: number; max?: number } = {}): AsyncGenerator<RatingRow[]> {
  const ids = await visibleCommunityIds(actor);
  if (ids.length === 0) return;
  const where = ratingWhere(ids, filters);
  const batch = options.batch ?? 1000;
  let left = options.max ?? Number.POSITIVE_INFINITY;
  let cursor: string | undefined;
  while (left > 0) {
    const rows = await db.orderRating.findMany({
      where,
      orderBy: ratingOrder,
      select: rowSelect,
      take: Math.min(batch, left),
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    yield rows.map(toRow);
    left -= rows.length;
    cursor = rows[rows.length - 1].id;
    if (rows.length < batch) return;
  }
}

export type RatingStats = RatingAverages & { poor: number; neutral: number; satisfied: number; requester: number };

/** Counts by score band and averages of the ratings given in [from, to), for the monthly report. */
export async function ratingStats(communityIds: string[], from: Date, to: Date): Promise<RatingStats> {
  if (communityIds.length === 0) return { ...noAverages, poor: 0, neutral: 0, satisfied: 0, requester: 0 };
  const [row] = await db.$queryRaw<RatingStats[]>`
    SELECT count(*)::int AS "count",
           avg(r."goal")::float8 AS "goal",
           avg(r."timing")::float8 AS "timing",
           avg(r."form")::float8 AS "form",
           avg(r."conduct")::float8 AS "conduct",
           count(*) FILTER (WHERE r."minScore" <= 2)::int AS "poor",
           count(*) FILTER (WHERE r."minScore" = 3)::int AS "neutral",
           count(*) FILTER (WHERE r."minScore" >= 4)::int AS "satisfied",
           count(*) FILTER (WHERE r."isRequester")::int AS "requester"
      FROM "OrderRating" r
     WHERE r."communityId" IN (${Prisma.join(communityIds)})
       AND r."createdAt" >= ${from} AND r."createdAt" < ${to}`;
  return row;
}

/** The poor ratings given in a range of days, poorest and newest first (for the monthly report). */
export async function poorRatings(communityIds: string[], from: Day, to: Day, take: number): Promise<RatingRow[]> {
  if (communityIds.length === 0) return [];
  const rows = await db.orderRating.findMany({
    where: ratingWhere(communityIds, { ...noRatingFilters, band: "poor", from, to }),
    orderBy: ratingOrder,
    select: rowSelect,
    take,
  });
  return rows.map(toRow);
}
