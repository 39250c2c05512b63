// The figures of docs/metrics.md, each with what it is computed from and its definition
// beside it. Rates with nothing to divide show "—", never 0% or 100%.
import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/card";
import { NoValue } from "@/components/ui/table";
import type { Figures } from "@/domain/metrics/summary";
import { percent } from "@/domain/metrics/rates";

export const figureKeys = [
  "responseRate",
  "resolutionRate",
  "satisfactionRate",
  "unratedShare",
  "avgResponse",
  "avgResolution",
  "placed",
  "completed",
] as const;
export type FigureKey = (typeof figureKeys)[number];

type Shown = { value: string | null; basis: string | null };

/** The value and its basis ("7 / 8", "over 12 orders") as text, or null for "—". */
export function useFigure() {
  const t = useTranslations("staffReview.values");
  return ({ counts: n, rates: r }: Figures, key: FigureKey): Shown => {
    const ratio = (value: number | null, part: number, whole: number) => ({
      value: value === null ? null : percent(value),
      basis: t("ratio", { part, whole }),
    });
    switch (key) {
      case "responseRate":
        return ratio(r.responseRate, n.respondedInTime, n.responseDue);
      case "resolutionRate":
        return ratio(r.resolutionRate, n.resolvedInTime, n.resolutionDue);
      case "satisfactionRate":
        return ratio(r.satisfactionRate, n.satisfied, n.rated);
      case "unratedShare":
        return ratio(r.unratedShare, n.closedUnrated, n.rated + n.closedUnrated);
      case "avgResponse":
        return { value: r.avgResponseHours === null ? null : t("hours", { value: r.avgResponseHours.toFixed(1) }), basis: t("count", { value: n.responded }) };
      case "avgResolution":
        return { value: r.avgResolutionDays === null ? null : t("days", { value: r.avgResolutionDays.toFixed(1) }), basis: t("count", { value: n.completed }) };
      case "placed":
        return { value: String(n.placed), basis: null };
      case "completed":
        return { value: String(n.completed), basis: null };
    }
  };
}

export function FigureCards({ figures }: { figures: Figures }) {
  const t = useTranslations("staffReview");
  const show = useFigure();
  return (
    <dl className="grid gap-3 sm:grid-cols-2">
      {figureKeys.map((key) => {
        const { value, basis } = show(figures, key);
        return (
          <div key={key} className={`${cardClass()} flex flex-col break-inside-avoid`}>
            <dt className="text-lg font-semibold">{t(`figures.${key}`)}</dt>
            <dd className="mt-1 flex flex-wrap items-baseline gap-x-3">
              <span className="text-3xl font-bold [overflow-wrap:anywhere]">{value ?? <NoValue label={t("values.noneExplained")} />}</span>
              {basis && <span className="text-gray-700">{basis}</span>}
            </dd>
            <dd className="mt-2 text-base leading-relaxed text-gray-800">
              <span className="font-medium">{t("values.definitionLabel")}</span>
              {t(`definitions.${key}`)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
