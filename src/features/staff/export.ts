import "server-only";
// The staff exports: the filtered ratings list and the overview table, as .xlsx or CSV.
// Called by the route handlers under src/app/api/staff/export with the request's actor;
// everything a file holds comes through the same scoped queries as the pages, with phone
// numbers masked (ratings) or absent (overview).
import { createTranslator } from "use-intl/core";
import type { CellValue } from "@/domain/metrics/cells";
import { overviewTable } from "@/domain/metrics/summary";
import { chinaDay } from "@/domain/metrics/periods";
import { ratingBatches, type RatingRow } from "@/domain/metrics/ratings";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/locales";
import { can, type Actor } from "@/server/authz/permissions";
import type { SearchParams } from "@/lib/search-params";
import { overviewExportPeriod, overviewQuery, ratingsQuery } from "./schemas";
import { download, notFoundResponse, type Column } from "./spreadsheet";

/** More rows than this is not a report but a data dump: narrow the filters. */
export const EXPORT_MAX_ROWS = 100_000;

type T = (key: string, params?: Record<string, string | number>) => string;

/** Texts of any namespace in the reader's language (a route handler has no React tree). */
async function translator(locale: Locale): Promise<T> {
  const t = createTranslator({ locale, messages: (await loadMessages(locale)) as never }) as unknown as T;
  return (key, params) => t(key, params);
}

const mayExport = (actor: Actor | null): actor is Actor => !!actor && !actor.mustChangePassword && can(actor, "workspace.staff");

/** 2026-11-23 14:05, China time. */
const chinaTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

function ratingColumns(t: T): Column[] {
  const c = (key: string) => t(`staffReview.export.columns.${key}`);
  const dim = (key: string) => t(`orderPage.rating.${key}`);
  return [
    { header: c("number"), width: 8, kind: "int" },
    { header: c("title"), width: 28 },
    { header: c("category"), width: 14 },
    { header: c("grid"), width: 12 },
    { header: c("courtyard"), width: 14 },
    { header: c("rater"), width: 12 },
    { header: c("requester"), width: 10 },
    { header: c("phone"), width: 16 },
    { header: dim("goal"), width: 10, kind: "int" },
    { header: dim("timing"), width: 10, kind: "int" },
    { header: dim("form"), width: 10, kind: "int" },
    { header: dim("conduct"), width: 12, kind: "int" },
    { header: c("minScore"), width: 8, kind: "int" },
    { header: c("comment"), width: 40 },
    { header: c("ratedAt"), width: 18 },
    { header: c("status"), width: 10 },
  ];
}

function ratingCells(r: RatingRow, t: T, locale: Locale): CellValue[] {
  return [
    r.number,
    r.title,
    locale === "en" ? r.category.en : r.category.zh,
    r.grid,
    r.courtyard,
    t(r.isRequester ? "staffReview.ratings.raters.requester" : "staffReview.ratings.raters.neighbour"),
    r.requester.name,
    r.requester.maskedPhone,
    r.goal,
    r.timing,
    r.form,
    r.conduct,
    r.minScore,
    r.comment,
    chinaTime(r.createdAt),
    t(`orders.status.${r.status}`),
  ];
}

/** GET /api/staff/export/ratings?format=xlsx|csv&grid=&courtyard=&category=&band=&rater=&from=&to= */
export async function exportRatings(actor: Actor | null, params: SearchParams | URLSearchParams, locale: Locale, now = new Date()): Promise<Response> {
  if (!mayExport(actor)) return notFoundResponse();
  const { filters, format } = ratingsQuery(params);
  const t = await translator(locale);
  async function* rows(): AsyncGenerator<CellValue[]> {
    let written = 0;
    for await (const batch of ratingBatches(actor!, filters, { max: EXPORT_MAX_ROWS + 1 })) {
      for (const r of batch) {
        if (written++ === EXPORT_MAX_ROWS) {
          yield [t("staffReview.export.truncated", { count: EXPORT_MAX_ROWS })];
          return;
        }
        yield ratingCells(r, t, locale);
      }
    }
  }
  return download({ name: t("staffReview.export.ratingsSheet"), columns: ratingColumns(t), rows: rows() }, format, {
    zh: `${t("staffReview.export.ratingsFile")}-${chinaDay(now)}`,
    ascii: `ratings-${chinaDay(now)}`,
  });
}

const figureKeys = ["responseRate", "resolutionRate", "satisfactionRate", "unratedShare", "avgResponse", "avgResolution", "placed", "completed"] as const;

/** GET /api/staff/export/overview?format=xlsx|csv&dimension=&period=all|month|week&from=&to= */
export async function exportOverview(actor: Actor | null, params: SearchParams | URLSearchParams, locale: Locale, now = new Date()): Promise<Response> {
  if (!mayExport(actor)) return notFoundResponse();
  const q = overviewQuery(params, now);
  const period = overviewExportPeriod(params);
  const t = await translator(locale);
  const table = await overviewTable(actor, { dimension: q.dimension, period, from: q.from, to: q.to, lang: locale, now });
  const c = (key: string) => t(`staffReview.export.columns.${key}`);
  const f = (key: string) => t(`staffReview.figures.${key}`);
  const columns: Column[] = [
    { header: t(`staffReview.dimensions.${q.dimension}`), width: 18 },
    { header: c("period"), width: 14 },
    { header: f("placed"), width: 8, kind: "int" },
    { header: f("completed"), width: 8, kind: "int" },
    { header: f("responseRate"), width: 10, kind: "percent" },
    { header: f("resolutionRate"), width: 10, kind: "percent" },
    { header: f("satisfactionRate"), width: 10, kind: "percent" },
    { header: f("unratedShare"), width: 12, kind: "percent" },
    { header: c("avgResponseHours"), width: 14, kind: "decimal" },
    { header: c("avgResolutionDays"), width: 14, kind: "decimal" },
    { header: c("responseDue"), width: 8, kind: "int" },
    { header: c("respondedInTime"), width: 8, kind: "int" },
    { header: c("resolutionDue"), width: 8, kind: "int" },
    { header: c("resolvedInTime"), width: 8, kind: "int" },
    { header: c("rated"), width: 8, kind: "int" },
    { header: c("satisfied"), width: 8, kind: "int" },
    { header: c("closedUnrated"), width: 10, kind: "int" },
  ];
  const periodLabel = (p: string) =>
    period === "all" ? t("staffReview.periods.all", { from: q.from, to: q.to }) : period === "week" ? t("staffReview.periods.weekOf", { date: p }) : p;
  async function* rows(): AsyncGenerator<CellValue[]> {
    for (const r of table) {
      const { counts: n, rates: x } = r;
      yield [
        r.label,
        periodLabel(r.period),
        n.placed,
        n.completed,
        x.responseRate,
        x.resolutionRate,
        x.satisfactionRate,
        x.unratedShare,
        x.avgResponseHours,
        x.avgResolutionDays,
        n.responseDue,
        n.respondedInTime,
        n.resolutionDue,
        n.resolvedInTime,
        n.rated,
        n.satisfied,
        n.closedUnrated,
      ];
    }
  }
  const notes: [string, string][] = [
    [t("staffReview.export.range"), t("staffReview.export.rangeValue", { from: q.from, to: q.to })],
    ...figureKeys.map((k): [string, string] => [f(k), t(`staffReview.definitions.${k}`)]),
  ];
  return download(
    {
      name: t("staffReview.export.overviewSheet"),
      columns,
      rows: rows(),
      notes: { name: t("staffReview.export.notesSheet"), headers: [t("staffReview.export.notesTerm"), t("staffReview.export.notesText")], rows: notes },
    },
    q.format,
    { zh: `${t("staffReview.export.overviewFile")}-${q.from}-${q.to}`, ascii: `overview-${q.from}-${q.to}` },
  );
}
