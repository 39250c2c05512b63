// The monthly report (月报) a community prints for the street office: the month's figures,
// per grid and per category, the ratings and what staff did about the poor ones.
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { instants, lastDayOf, type Month } from "./periods";
import { addCounts, emptyCounts } from "./rates";
import { poorRatings, ratingStats, type RatingRow, type RatingStats } from "./ratings";
import { figuresOf, perGroup, visibleCommunities, type Figures, type GroupFigures } from "./summary";

export const REPORT_POOR_RATINGS = 50;

export type FollowUpCounts = {
  /** Poor ratings by requesters that reopened an order for follow-up. */
  reopened: number;
  followedUp: number;
  sentBack: number;
  closedAfterFollowUp: number;
  /** Orders waiting for a follow-up now (not only this month's). */
  waitingNow: number;
};

export type MonthlyReport = {
  month: Month;
  communities: { id: string; name: string }[];
  totals: Figures;
  grids: GroupFigures[];
  categories: GroupFigures[];
  ratings: RatingStats;
  followUps: FollowUpCounts;
  poor: RatingRow[];
};

async function followUpCounts(ids: string[], from: Date, to: Date): Promise<FollowUpCounts> {
  if (ids.length === 0) return { reopened: 0, followedUp: 0, sentBack: 0, closedAfterFollowUp: 0, waitingNow: 0 };
  const [[row], waitingNow] = await Promise.all([
    db.$queryRaw<Omit<FollowUpCounts, "waitingNow">[]>`
      SELECT count(*) FILTER (WHERE e."type" = 'RATED' AND e."toStatus" = 'REOPENED')::int AS "reopened",
             count(*) FILTER (WHERE e."type" = 'FOLLOWED_UP')::int AS "followedUp",
             count(*) FILTER (WHERE e."type" = 'SENT_BACK')::int AS "sentBack",
             count(*) FILTER (WHERE e."type" = 'CLOSED' AND e."fromStatus" = 'REOPENED')::int AS "closedAfterFollowUp"
        FROM "OrderEvent" e
        JOIN "Order" o ON o."id" = e."orderId"
       WHERE o."communityId" IN (${Prisma.join(ids)})
         AND e."createdAt" >= ${from} AND e."createdAt" < ${to}
         AND e."type" IN ('RATED', 'FOLLOWED_UP', 'SENT_BACK', 'CLOSED')`,
    db.order.count({ where: { communityId: { in: ids }, status: "REOPENED" } }),
  ]);
  return { ...row, waitingNow };
}

export async function monthlyReport(actor: Actor, month: Month, lang: "zh-CN" | "en", now = new Date()): Promise<MonthlyReport> {
  const communities = await visibleCommunities(actor);
  const ids = communities.map((c) => c.id);
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const range = instants(from, to);
  const [grids, categories, ratings, followUps, poor] = await Promise.all([
    perGroup("grid", communities, { ...range, now }, lang),
    perGroup("category", communities, { ...range, now }, lang),
    ratingStats(ids, range.from, range.to),
    followUpCounts(ids, range.from, range.to),
    poorRatings(ids, from, to, REPORT_POOR_RATINGS),
  ]);
  const totals = figuresOf(grids.reduce((sum, g) => addCounts(sum, g.counts), emptyCounts()));
  return { month, communities, totals, grids, categories, ratings, followUps, poor };
}
