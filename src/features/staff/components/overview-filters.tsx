// The overview's range: a plain GET form, so it works before (and without) JavaScript and
// every view has a link that can be shared or bookmarked.
import { useTranslations } from "next-intl";
import { dimensions } from "@/domain/metrics/overview";
import type { OverviewQuery } from "../schemas";
import { buttonClass, controlClass } from "./ui";

export function OverviewFilters({ query }: { query: OverviewQuery }) {
  const t = useTranslations("staffReview");
  return (
    <form method="get" action="/staff" aria-label={t("overview.filtersTitle")} className="mb-6 rounded-2xl bg-white p-4 ring-1 ring-gray-200 print:hidden">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <label className="block min-w-0">
          <span className="mb-1 block font-medium">{t("overview.dimension")}</span>
          <select name="dimension" defaultValue={query.dimension} className={controlClass}>
            {dimensions.map((d) => (
              <option key={d} value={d}>
                {t(`dimensions.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block min-w-0">
          <span className="mb-1 block font-medium">{t("overview.period")}</span>
          <select name="period" defaultValue={query.period} className={controlClass}>
            <option value="month">{t("periods.month")}</option>
            <option value="week">{t("periods.week")}</option>
          </select>
        </label>
        <label className="block min-w-0">
          <span className="mb-1 block font-medium">{t("overview.from")}</span>
          <input type="date" name="from" defaultValue={query.from} className={controlClass} />
        </label>
        <label className="block min-w-0">
          <span className="mb-1 block font-medium">{t("overview.to")}</span>
          <input type="date" name="to" defaultValue={query.to} className={controlClass} />
        </label>
      </div>
      <button type="submit" className={`${buttonClass} mt-4`}>
        {t("overview.apply")}
      </button>
    </form>
  );
}
