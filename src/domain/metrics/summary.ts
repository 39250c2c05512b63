// What the staff overview, its export and the monthly report show: the figures of
// docs/metrics.md for the actor's communities over a range of days — in total, as a trend
// by week or month, and per community, grid, courtyard or category. Each view is one
// aggregate query of ./overview.ts (countsBy); labels come from one lookup per dimension.
import { db } from "@/server/db/client";
import { communityScope } from "@/server/authz/scope";
import type { Actor } from "@/server/authz/permissions";
import { countsBy, type Dimension, type PeriodKind } from "./overview";
import { instants, periodKeys, type Day, type TrendPeriod } from "./periods";
import { addCounts, emptyCounts, rates, type Counts, type Rates } from "./rates";

export type Figures = { counts: Counts; rates: Rates };
export type GroupFigures = Figures & { key: string; label: string };
export type TrendPoint = Figures & { period: string };
type Lang = "zh-CN" | "en";

export const figuresOf = (counts: Counts): Figures => ({ counts, rates: rates(counts) });

/** The communities whose figures the actor may see ("metrics.view"), by name. */
export function visibleCommunities(actor: Actor) {
  return db.community.findMany({ where: communityScope(actor, "metrics.view"), select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Every community, grid, courtyard or category of the communities, by id, with its label. */
async function groupsOf(dimension: Dimension, communities: { id: string; name: string }[], lang: Lang): Promise<Map<string, string>> {
  const ids = communities.map((c) => c.id);
  const several = communities.length > 1;
  switch (dimension) {
    case "community":
      return new Map(communities.map((c) => [c.id, c.name]));
    case "grid": {
      const grids = await db.grid.findMany({ where: { communityId: { in: ids } }, select: { id: true, name: true, community: { select: { name: true } } } });
      return new Map(grids.map((g) => [g.id, several ? `${g.community.name} ${g.name}` : g.name]));
    }
    case "courtyard": {
      const courtyards = await db.courtyard.findMany({ where: { grid: { communityId: { in: ids } } }, select: { id: true, name: true } });
      return new Map(courtyards.map((c) => [c.id, c.name]));
    }
    case "category": {
      const categories = await db.orderCategory.findMany({ select: { id: true, nameZh: true, nameEn: true } });
      return new Map(categories.map((c) => [c.id, lang === "en" ? c.nameEn : c.nameZh]));
    }
  }
}

const byLabel = (lang: Lang) => (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);

/** One row per group of the dimension — those without orders too (zeros, rates "—"). */
export async function perGroup(
  dimension: Dimension,
  communities: { id: string; name: string }[],
  range: { from: Date; to: Date; now?: Date },
  lang: Lang,
): Promise<GroupFigures[]> {
  const ids = communities.map((c) => c.id);
  const [rows, labels] = await Promise.all([countsBy(ids, { dimension, period: "all", ...range }), groupsOf(dimension, communities, lang)]);
  const counted = new Map(rows.map((r) => [r.key, r.counts]));
  // Categories apply everywhere: list those with orders here, not every category there is.
  const keys = dimension === "category" ? [...counted.keys()] : [...new Set([...labels.keys(), ...counted.keys()])];
  return keys.map((key) => ({ key, label: labels.get(key) ?? "—", ...figuresOf(counted.get(key) ?? emptyCounts()) })).sort(byLabel(lang));
}

export type OverviewOptions = { dimension: Dimension; period: TrendPeriod; from: Day; to: Day; lang: Lang; now?: Date };

export type OverviewSummary = {
  communities: { id: string; name: string }[];
  totals: Figures;
  trend: TrendPoint[];
  breakdown: GroupFigures[];
  grids: GroupFigures[];
};

export async function overviewSummary(actor: Actor, o: OverviewOptions): Promise<OverviewSummary> {
  const communities = await visibleCommunities(actor);
  const ids = communities.map((c) => c.id);
  const range = { ...instants(o.from, o.to), now: o.now };
  const [breakdown, trendRows, grids] = await Promise.all([
    perGroup(o.dimension, communities, range, o.lang),
    countsBy(ids, { dimension: "community", period: o.period, ...range }),
    o.dimension === "grid" ? null : perGroup("grid", communities, range, o.lang),
  ]);
  // Every order falls in exactly one group of any dimension: the groups add up to the total.
  const totals = breakdown.reduce((sum, g) => addCounts(sum, g.counts), emptyCounts());
  const perPeriod = new Map<string, Counts>();
  for (const r of trendRows) perPeriod.set(r.period, addCounts(perPeriod.get(r.period) ?? emptyCounts(), r.counts));
  const trend = periodKeys(o.period, o.from, o.to).map((period) => ({ period, ...figuresOf(perPeriod.get(period) ?? emptyCounts()) }));
  return { communities, totals: figuresOf(totals), trend, breakdown, grids: grids ?? breakdown };
}

export type TableRow = GroupFigures & { period: string };

/** The overview as a table for export: one row per group and period that has orders. */
export async function overviewTable(
  actor: Actor,
  o: { dimension: Dimension; period: PeriodKind; from: Day; to: Day; lang: Lang; now?: Date },
): Promise<TableRow[]> {
  const communities = await visibleCommunities(actor);
  if (communities.length === 0) return [];
  const range = { ...instants(o.from, o.to), now: o.now };
  const [rows, labels] = await Promise.all([
    countsBy(
      communities.map((c) => c.id),
      { dimension: o.dimension, period: o.period, ...range },
    ),
    groupsOf(o.dimension, communities, o.lang),
  ]);
  const sort = byLabel(o.lang);
  return rows
    .map((r) => ({ key: r.key, period: r.period, label: labels.get(r.key) ?? "—", ...figuresOf(r.counts) }))
    .sort((a, b) => a.period.localeCompare(b.period) || sort(a, b));
}
