// Query strings of the staff pages and exports. A bad or missing value falls back to its
// default — a hand-edited link shows the default view, never an error page.
import { z } from "zod";
import { dimensions, type Dimension, type PeriodKind } from "@/domain/metrics/overview";
import { addDays, addMonths, chinaDay, daysBetween, isDay, isMonth, monthOf, mondayOf, type Day, type Month, type TrendPeriod } from "@/domain/metrics/periods";
import { raterKinds, scoreBands, type RatingFilters } from "@/domain/metrics/ratings";
import { field, parseSearchParams, type SearchParams } from "@/lib/search-params";

const id = field.id();
const day = field.valid(isDay);
const page = field.page();
export const formats = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof formats)[number];

/** The longest range the overview shows at once. */
export const MAX_RANGE_DAYS = 3 * 366;

const overviewSchema = z.object({
  dimension: z.enum(dimensions).catch("category"),
  period: z.enum(["month", "week"]).catch("month"),
  from: day,
  to: day,
  page,
  format: z.enum(formats).catch("xlsx"),
});

export type OverviewQuery = { dimension: Dimension; period: TrendPeriod; from: Day; to: Day; page: number; format: ExportFormat };

/** Six months, or twelve weeks, up to today (China time). */
export function defaultFrom(period: TrendPeriod, to: Day): Day {
  return period === "month" ? `${addMonths(monthOf(to), -5)}-01` : addDays(mondayOf(to), -7 * 11);
}

export function overviewQuery(input: SearchParams | URLSearchParams, now = new Date()): OverviewQuery {
  const q = parseSearchParams(overviewSchema, input);
  let to = q.to ?? chinaDay(now);
  let from = q.from ?? defaultFrom(q.period, to);
  if (from > to) [from, to] = [to, from];
  if (daysBetween(from, to) > MAX_RANGE_DAYS) from = addDays(to, -MAX_RANGE_DAYS);
  return { dimension: q.dimension, period: q.period, from, to, page: q.page, format: q.format };
}

/** The export may also leave the periods out ("all": one row per group). */
const exportPeriodSchema = z.object({ period: field.oneOf(["month", "week", "all"], "month") });

export function overviewExportPeriod(input: SearchParams | URLSearchParams): PeriodKind {
  return parseSearchParams(exportPeriodSchema, input).period;
}

const ratingsSchema = z.object({
  grid: id,
  courtyard: id,
  category: id,
  band: z.enum(scoreBands).catch("all"),
  rater: z.enum(raterKinds).catch("all"),
  from: day,
  to: day,
  page,
  format: z.enum(formats).catch("xlsx"),
});

export type RatingsQuery = { filters: RatingFilters; page: number; format: ExportFormat };

export function ratingsQuery(input: SearchParams | URLSearchParams): RatingsQuery {
  const q = parseSearchParams(ratingsSchema, input);
  let { from, to } = q;
  if (from && to && from > to) [from, to] = [to, from];
  return {
    filters: { gridId: q.grid, courtyardId: q.courtyard, categoryId: q.category, band: q.band, rater: q.rater, from, to },
    page: q.page,
    format: q.format,
  };
}

/** The filters as query parameters, leaving out what is at its default. */
export function ratingsParams(f: RatingFilters): Record<string, string | undefined> {
  return {
    grid: f.gridId,
    courtyard: f.courtyardId,
    category: f.categoryId,
    band: f.band === "all" ? undefined : f.band,
    rater: f.rater === "all" ? undefined : f.rater,
    from: f.from,
    to: f.to,
  };
}

/** The report's month (YYYY-MM); this month in China by default. */
const reportSchema = z.object({ month: field.valid(isMonth) });

export function reportMonth(input: SearchParams | URLSearchParams, now = new Date()): Month {
  return parseSearchParams(reportSchema, input).month ?? monthOf(chinaDay(now));
}
