// The ratings review's filters: a GET form whose result is a link (shareable, bookmarkable,
// and the export buttons reuse it).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { raterKinds, scoreBands, type RatingFilters } from "@/domain/metrics/ratings";
import type { RatingFilterOptions } from "../queries";
import { buttonClass, controlClass, linkClass } from "./ui";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="block min-w-0">
      <span className="mb-1 block font-medium">{label}</span>
      {children}
    </label>
  );
}

export function RatingsFilters({ filters, options }: { filters: RatingFilters; options: RatingFilterOptions }) {
  const t = useTranslations("staffReview.ratings");
  const locale = useLocale();
  const gridName = new Map(options.grids.map((g) => [g.id, g.name]));
  return (
    <form method="get" action="/staff/ratings" aria-label={t("filtersTitle")} className="mb-6 rounded-2xl bg-white p-4 ring-1 ring-gray-200 print:hidden">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label={t("band")}>
          <select name="band" defaultValue={filters.band} className={controlClass}>
            {scoreBands.map((b) => (
              <option key={b} value={b}>
                {t(`bands.${b}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("grid")}>
          <select name="grid" defaultValue={filters.gridId ?? ""} className={controlClass}>
            <option value="">{t("any")}</option>
            {options.grids.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("courtyard")}>
          <select name="courtyard" defaultValue={filters.courtyardId ?? ""} className={controlClass}>
            <option value="">{t("any")}</option>
            {options.courtyards.map((c) => (
              <option key={c.id} value={c.id}>
                {options.grids.length > 1 ? `${c.name}（${gridName.get(c.gridId) ?? ""}）` : c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("category")}>
          <select name="category" defaultValue={filters.categoryId ?? ""} className={controlClass}>
            <option value="">{t("any")}</option>
            {options.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {locale === "en" ? c.en : c.zh}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("rater")}>
          <select name="rater" defaultValue={filters.rater} className={controlClass}>
            {raterKinds.map((r) => (
              <option key={r} value={r}>
                {t(`raters.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid grid-cols-1 gap-4 sm:col-span-2 sm:grid-cols-2 lg:col-span-1 lg:grid-cols-1">
          <Field label={t("from")}>
            <input type="date" name="from" defaultValue={filters.from ?? ""} className={controlClass} />
          </Field>
          <Field label={t("to")}>
            <input type="date" name="to" defaultValue={filters.to ?? ""} className={controlClass} />
          </Field>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass}>
          {t("apply")}
        </button>
        <Link href="/staff/ratings" className={linkClass}>
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
