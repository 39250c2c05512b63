// Tables of the monthly report (/staff/report): the figures with their definitions, the
// ratings of the month, and its poor ratings. No phone numbers: the report is printed.
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { NoValue, Table, Td, Th } from "@/components/ui/table";
import type { RatingRow, RatingStats } from "@/domain/metrics/ratings";
import type { Figures } from "@/domain/metrics/summary";
import { useFigure, type FigureKey } from "./figures";

export function ReportFigures({ figures, keys }: { figures: Figures; keys: readonly FigureKey[] }) {
  const t = useTranslations("staffReview");
  const show = useFigure();
  return (
    <Table label={t("report.figuresTitle")} minWidth="md">
      <thead>
        <tr>
          <Th>{t("report.figure")}</Th>
          <Th numeric>{t("report.value")}</Th>
          <Th numeric>{t("report.basis")}</Th>
          <Th>{t("report.definition")}</Th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const { value, basis } = show(figures, k);
          return (
            <tr key={k}>
              <Th row nowrap>
                {t(`figures.${k}`)}
              </Th>
              <Td numeric nowrap className="font-bold">
                {value ?? <NoValue label={t("values.noneExplained")} />}
              </Td>
              <Td numeric nowrap>
                {basis ?? ""}
              </Td>
              <Td className="text-base">{t(`definitions.${k}`)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
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
      <Table label={t("ratingsTitle")}>
        <thead>
          <tr>
            <Th>{t("dimension")}</Th>
            <Th numeric>{t("average")}</Th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => (
            <tr key={d}>
              <Th row>{tScore(d)}</Th>
              <Td numeric>{stats[d] === null ? <NoValue label={tValues("noneExplained")} /> : stats[d]!.toFixed(2)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export function ReportPoorRatings({ items }: { items: RatingRow[] }) {
  const t = useTranslations("staffReview.report");
  const tStatus = useTranslations("orders.status");
  const locale = useLocale();
  if (items.length === 0) return <Card>{t("poorEmpty")}</Card>;
  return (
    <Table label={t("poorTitle")} minWidth="lg">
      <thead>
        <tr>
          <Th>{t("order")}</Th>
          <Th>{t("orderTitle")}</Th>
          <Th>{t("place")}</Th>
          <Th>{t("scores")}</Th>
          <Th>{t("comment")}</Th>
          <Th>{t("status")}</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <Td className="tabular-nums">{r.number}</Td>
            <Td className="break-words">
              {r.title}
              <span className="block text-base text-gray-700">{locale === "en" ? r.category.en : r.category.zh}</span>
            </Td>
            <Td>
              {r.grid} / {r.courtyard}
            </Td>
            <Td nowrap className="tabular-nums">{`${r.goal}/${r.timing}/${r.form}/${r.conduct}`}</Td>
            <Td className="break-words">{r.comment}</Td>
            <Td>{tStatus(r.status)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
