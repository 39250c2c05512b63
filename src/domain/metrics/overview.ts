// Counts behind the three rates, grouped by community, grid, courtyard or category and by
// week or month (China time), for the communities the actor oversees. One aggregate query
// per view, answered from Order_metrics_covering_idx alone (docs/decisions/014,
// docs/metrics.md, docs/performance.md).
import { Prisma } from "@/generated/prisma/client";
import { communityScope } from "@/server/authz/scope";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import type { Counts } from "./rates";

export const dimensions = ["community", "grid", "courtyard", "category"] as const;
export type Dimension = (typeof dimensions)[number];
export const periods = ["all", "month", "week"] as const;
export type PeriodKind = (typeof periods)[number];

const keyColumn: Record<Dimension, Prisma.Sql> = {
  community: Prisma.sql`o."communityId"`,
  grid: Prisma.sql`o."gridId"`,
  courtyard: Prisma.sql`o."courtyardId"`,
  category: Prisma.sql`o."categoryId"`,
};

// China has no daylight saving: local time is UTC + 8 hours all year.
const periodColumn: Record<PeriodKind, Prisma.Sql> = {
  all: Prisma.sql`''`,
  month: Prisma.sql`to_char(date_trunc('month', o."createdAt" + interval '8 hours'), 'YYYY-MM')`,
  week: Prisma.sql`to_char(date_trunc('week', o."createdAt" + interval '8 hours'), 'YYYY-MM-DD')`,
};

/** The communities whose figures the actor may see. */
export async function visibleCommunityIds(actor: Actor): Promise<string[]> {
  const rows = await db.community.findMany({ where: communityScope(actor, "metrics.view"), select: { id: true } });
  return rows.map((r) => r.id);
}

export async function countsBy(
  communityIds: string[],
  options: { dimension: Dimension; period: PeriodKind; from: Date; to: Date; now?: Date },
): Promise<{ key: string; period: string; counts: Counts }[]> {
  if (communityIds.length === 0) return [];
  const now = options.now ?? new Date();
  const rows = await db.$queryRaw<(Counts & { key: string; period: string })[]>`
    SELECT ${keyColumn[options.dimension]} AS key,
           ${periodColumn[options.period]} AS period,
           count(*)::int AS "placed",
           count(*) FILTER (WHERE o."respondedAt" IS NOT NULL
                             OR (o."responseDueAt" <= ${now}
                                 AND NOT (o."status" = 'WITHDRAWN' AND o."closedAt" <= o."responseDueAt")))::int AS "responseDue",
           count(*) FILTER (WHERE o."respondedAt" <= o."responseDueAt")::int AS "respondedInTime",
           count(*) FILTER (WHERE o."acceptedAt" IS NOT NULL
                             AND (o."firstCompletedAt" IS NOT NULL OR o."resolutionDueAt" <= ${now}))::int AS "resolutionDue",
           count(*) FILTER (WHERE o."acceptedAt" IS NOT NULL AND o."firstCompletedAt" <= o."resolutionDueAt")::int AS "resolvedInTime",
           count(*) FILTER (WHERE o."satisfied" IS NOT NULL)::int AS "rated",
           count(*) FILTER (WHERE o."satisfied")::int AS "satisfied",
           count(*) FILTER (WHERE o."closeReason" = 'UNRATED')::int AS "closedUnrated",
           count(*) FILTER (WHERE o."firstCompletedAt" IS NOT NULL)::int AS "completed",
           count(*) FILTER (WHERE o."respondedAt" IS NOT NULL)::int AS "responded",
           coalesce(sum(extract(epoch FROM o."respondedAt" - o."createdAt")), 0)::float8 AS "responseSecondsTotal",
           coalesce(sum(extract(epoch FROM o."firstCompletedAt" - o."createdAt")), 0)::float8 AS "resolutionSecondsTotal"
      FROM "Order" o
     WHERE o."communityId" IN (${Prisma.join(communityIds)})
       AND o."createdAt" >= ${options.from} AND o."createdAt" < ${options.to}
     GROUP BY 1, 2
     ORDER BY 2, 1`;
  return rows.map(({ key, period, ...counts }) => ({ key, period, counts }));
}
