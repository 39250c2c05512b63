import { getLocale, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { overviewSummary } from "@/domain/metrics/summary";
import { percent } from "@/domain/metrics/rates";
import { OrderList } from "@/features/orders/components/order-list";
import { ExportLinks } from "@/features/staff/components/export-links";
import { FigureCards } from "@/features/staff/components/figures";
import { OverviewFilters } from "@/features/staff/components/overview-filters";
import { RatesTable } from "@/features/staff/components/rates-table";
import { TrendCharts, type TrendChartPoint } from "@/features/staff/components/trend-charts";
import { followUpCount, overdueOrders } from "@/features/staff/queries";
import { overviewQuery } from "@/features/staff/schemas";
import { queryString, type SearchParams } from "@/lib/search-params";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("staff"))("title") };
}

// 社区概览: the three rates and the figures beside them for a range of days, their trend, the
// chosen breakdown, grids side by side, and what is overdue now.
export default async function StaffOverview({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.staff");
  const query = overviewQuery(await searchParams);
  const lang = (await getLocale()) === "en" ? "en" : "zh-CN";
  const [t, tStaff, summary, overdue, waiting] = await Promise.all([
    getTranslations("staffReview"),
    getTranslations("staff"),
    overviewSummary(actor, { dimension: query.dimension, period: query.period, from: query.from, to: query.to, lang }),
    overdueOrders(actor, query.page),
    followUpCount(actor),
  ]);
  const rangeParams = { dimension: query.dimension, period: query.period, from: query.from, to: query.to };
  const periodLabel = (p: string) => (query.period === "week" ? t("periods.weekOf", { date: p }) : p);
  const points: TrendChartPoint[] = summary.trend.map((p) => ({
    period: p.period,
    axis: query.period === "week" ? p.period.slice(5) : p.period.slice(2),
    label: periodLabel(p.period),
    responseRate: p.rates.responseRate,
    resolutionRate: p.rates.resolutionRate,
    satisfactionRate: p.rates.satisfactionRate,
    placed: p.counts.placed,
    completed: p.counts.completed,
  }));
  const latest = [...summary.trend].reverse().find((p) => p.counts.placed > 0) ?? summary.trend[summary.trend.length - 1];
  const trendSummary = latest
    ? t("overview.trendSummary", {
        count: summary.trend.length,
        period: periodLabel(latest.period),
        response: percent(latest.rates.responseRate),
        resolution: percent(latest.rates.resolutionRate),
        satisfaction: percent(latest.rates.satisfactionRate),
        placed: latest.counts.placed,
        completed: latest.counts.completed,
      })
    : "";
  const empty = summary.totals.counts.placed === 0;
  const dimensionName = t(`dimensions.${query.dimension}`);

  return (
    <>
      <PageTitle>{tStaff("title")}</PageTitle>
      <p className="-mt-2 mb-4 text-lg text-gray-800">
        {t("overview.range", { communities: summary.communities.map((c) => c.name).join("、") || "—", from: query.from, to: query.to })}
      </p>
      <OverviewFilters query={query} />

      <Section id="figures-title" title={t("overview.figuresTitle")}>
        <FigureCards figures={summary.totals} />
      </Section>

      <Section id="follow-ups-title" title={t("overview.followUpsTitle")}>
        <p className="flex flex-wrap items-center gap-x-4 text-lg">
          <span>{t("overview.followUpsCount", { count: waiting })}</span>
          <TextLink href="/staff/follow-ups">{t("overview.followUpsLink")}</TextLink>
        </p>
      </Section>

      {empty ? (
        <div className="mb-8">
          <EmptyState title={t("overview.emptyTitle")} body={t("overview.emptyBody")} />
        </div>
      ) : (
        <>
          <Section id="trend-title" title={t("overview.trendTitle")}>
            <TrendCharts points={points} summary={trendSummary} />
          </Section>
          <Section
            id="breakdown-title"
            title={query.dimension === "grid" ? t("overview.gridsTitle") : t("overview.breakdownTitle", { dimension: dimensionName })}
            actions={
              <ExportLinks
                path="/api/staff/export/overview"
                query={queryString(rangeParams)}
                hint={t("overview.exportHint", { dimension: dimensionName, period: t(`periods.${query.period}`) })}
              />
            }
          >
            <RatesTable rows={summary.breakdown} nameHeader={dimensionName} caption={t("overview.breakdownTitle", { dimension: dimensionName })} />
          </Section>
          {query.dimension !== "grid" && (
            <Section id="grids-title" title={t("overview.gridsTitle")}>
              <RatesTable rows={summary.grids} nameHeader={t("dimensions.grid")} caption={t("overview.gridsTitle")} />
            </Section>
          )}
        </>
      )}

      <Section id="overdue-title" title={t("overview.overdueTitle")}>
        {overdue.total > 0 && <p className="mb-2 text-lg">{t("overview.overdueCount", { count: overdue.total })}</p>}
        <OrderList items={overdue.items} emptyTitle={t("overview.overdueEmpty")} emptyBody={t("overview.overdueEmptyBody")} />
        <Pagination list={overdue} basePath="/staff" params={rangeParams} />
      </Section>
    </>
  );
}
