import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, cardClass, Section } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { PageTitle } from "@/components/ui/page-title";
import { monthlyReport, REPORT_POOR_RATINGS } from "@/domain/metrics/report";
import { figureKeys } from "@/features/staff/components/figures";
import { PrintButton } from "@/features/staff/components/print-button";
import { RatesTable } from "@/features/staff/components/rates-table";
import { ReportFigures, ReportPoorRatings, ReportRatings } from "@/features/staff/components/report-parts";
import { reportMonth } from "@/features/staff/schemas";
import type { SearchParams } from "@/lib/search-params";
import { requireWorkspace } from "@/server/auth/guards";
import "./report.css";

export async function generateMetadata() {
  return { title: (await getTranslations("staffReview.report"))("title") };
}

// 月报: one month's figures for the street office, laid out to print on A4.
export default async function MonthlyReport({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.staff");
  const month = reportMonth(await searchParams);
  const lang = (await getLocale()) === "en" ? "en" : "zh-CN";
  const [t, format, report] = await Promise.all([getTranslations("staffReview"), getFormatter(), monthlyReport(actor, month, lang)]);
  const [year, m] = month.split("-").map(Number);
  const monthName = t("report.monthName", { year, month: m });
  const communities = report.communities.map((c) => c.name).join("、");
  return (
    <article className="staff-report">
      <form method="get" action="/staff/report" className={`${cardClass()} mb-6 flex flex-wrap items-end gap-4 print:hidden`}>
        <div className="w-full sm:w-auto">
          <TextField label={t("report.month")} name="month" type="month" defaultValue={month} />
        </div>
        <Button type="submit">{t("report.show")}</Button>
        <PrintButton />
        <p className="basis-full text-base text-gray-700">{t("report.printHint")}</p>
      </form>

      <PageTitle>{t("report.heading", { communities, month: monthName })}</PageTitle>
      <p className="-mt-2 mb-6 text-gray-800">{t("report.generatedAt", { time: format.dateTime(new Date(), { dateStyle: "long", timeStyle: "short" }) })}</p>
      {report.totals.counts.placed === 0 && <Card className="mb-6 text-lg">{t("report.empty")}</Card>}

      <Section id="report-figures" title={t("report.figuresTitle")}>
        <ReportFigures figures={report.totals} keys={figureKeys} />
      </Section>
      <Section id="report-grids" title={t("report.gridsTitle")}>
        <RatesTable rows={report.grids} nameHeader={t("dimensions.grid")} caption={t("report.gridsTitle")} />
      </Section>
      <Section id="report-categories" title={t("report.categoriesTitle")}>
        <RatesTable rows={report.categories} nameHeader={t("dimensions.category")} caption={t("report.categoriesTitle")} />
      </Section>
      <Section id="report-ratings" title={t("report.ratingsTitle")}>
        <ReportRatings stats={report.ratings} />
      </Section>
      <Section id="report-follow-ups" title={t("report.followUpsTitle")}>
        <dl className="grid gap-2 sm:grid-cols-2">
          {(["reopened", "followedUp", "sentBack", "closedAfterFollowUp", "waitingNow"] as const).map((k) => (
            <div key={k} className={`${cardClass()} keep-together flex justify-between gap-3`}>
              <dt>{t(`report.${k}`)}</dt>
              <dd className="font-bold tabular-nums">
                {k === "waitingNow" ? t("values.count", { value: report.followUps[k] }) : t("report.times", { count: report.followUps[k] })}
              </dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="report-poor" title={t("report.poorTitle")}>
        <ReportPoorRatings items={report.poor} />
        {report.poor.length === REPORT_POOR_RATINGS && <p className="mt-2 text-gray-700">{t("report.poorMore", { count: REPORT_POOR_RATINGS })}</p>}
      </Section>
    </article>
  );
}
