// Tables of the monthly report (/staff/report): the figures with their definitions, the
// ratings of the month, and its poor ratings. No phone numbers: the report is printed.
import { useLocale, useTranslations } from "next-intl";
import type { RatingRow, RatingStats } from "@/domain/metrics/ratings";
import type { Figures } from "@/domain/metrics/summary";
import { useFigure, type FigureKey } from "./figures";
import { NoValue, TableScroll } from "./ui";

const cell = "border-b border-gray-200 p-2 align-top";
const head = "border-b-2 border-gray-300 p-2 text-left font-semibold";

export function ReportFigures({ figures, keys }: { figures: Figures; keys: readonly FigureKey[] }) {
  const t = useTranslations("staffReview");
  const show = useFigure();
  return (
    <TableScroll label={t("report.figuresTitle")}>
      <table className="w-full min-w-[36rem] border-collapse">
        <thead>
          <tr>
            <th scope="col" className={head}>
              {t("report.figure")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("report.value")}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {t("report.basis")}
            </th>
            <th scope="col" className={head}>
              {t("report.definition")}
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const { value, basis } = show(figures, k);
            return (
              <tr key={k}>
                <th scope="row" className={`${cell} text-left font-medium whitespace-nowrap`}>
                  {t(`figures.${k}`)}
                </th>
                <td className={`${cell} text-right font-bold whitespace-nowrap tabular-nums`}>{value ?? <NoValue label={t("values.noneExplained")} />}</td>
                <td className={`${cell} text-right whitespace-nowrap tabular-nums`}>{basis ?? ""}</td>
                <td className={`${cell} text-base`}>{t(`definitions.${k}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

const dimensions = ["goal", "timing", "form", "conduct"] as const;

export function ReportRatings({ stats }: { stats: RatingStats }) {
  const t = useTranslations("staffReview.report");
  const tScore = useTranslations("orderPage.rating");
  const tValues = useTranslations("staffReview.values");
  return (
    <div className="space-y-3">
      <p className="text-lg">{t("ratingsCount", { count: stats.count, requester: stats.requester })}</p>
      <p className="text-lg">{t("bands", { poor: stats.poor, neutral: stats.neutral, satisfied: stats.satisfied })}</p>
      <TableScroll label={t("ratingsTitle")}>
        <table className="w-full border-collapse">
          <thead>
            <tr>
              <th scope="col" className={head}>
                {t("dimension")}
              </th>
              <th scope="col" className={`${head} text-right`}>
                {t("average")}
              </th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((d) => (
              <tr key={d}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {tScore(d)}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{stats[d] === null ? <NoValue label={tValues("noneExplained")} /> : stats[d]!.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

export function ReportPoorRatings({ items }: { items: RatingRow[] }) {
  const t = useTranslations("staffReview.report");
  const tStatus = useTranslations("orders.status");
  const locale = useLocale();
  if (items.length === 0) return <p className="rounded-xl bg-white p-4 ring-1 ring-gray-200">{t("poorEmpty")}</p>;
  return (
    <TableScroll label={t("poorTitle")}>
      <table className="w-full min-w-[44rem] border-collapse">
        <thead>
          <tr>
            <th scope="col" className={head}>
              {t("order")}
            </th>
            <th scope="col" className={head}>
              {t("orderTitle")}
            </th>
            <th scope="col" className={head}>
              {t("place")}
            </th>
            <th scope="col" className={head}>
              {t("scores")}
            </th>
            <th scope="col" className={head}>
              {t("comment")}
            </th>
            <th scope="col" className={head}>
              {t("status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td className={`${cell} tabular-nums`}>{r.number}</td>
              <td className={`${cell} break-words`}>
                {r.title}
                <span className="block text-base text-gray-700">{locale === "en" ? r.category.en : r.category.zh}</span>
              </td>
              <td className={cell}>
                {r.grid} / {r.courtyard}
              </td>
              <td className={`${cell} whitespace-nowrap tabular-nums`}>{`${r.goal}/${r.timing}/${r.form}/${r.conduct}`}</td>
              <td className={`${cell} break-words`}>{r.comment}</td>
              <td className={cell}>{tStatus(r.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
