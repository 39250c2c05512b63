// The ratings review's filters: a GET form whose result is a link (shareable, bookmarkable,
// and the export buttons reuse it).
import { useLocale, useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { raterKinds, scoreBands, type RatingFilters } from "@/domain/metrics/ratings";
import type { RatingFilterOptions } from "../queries";

export function RatingsFilters({ filters, options }: { filters: RatingFilters; options: RatingFilterOptions }) {
  const t = useTranslations("staffReview.ratings");
  const locale = useLocale();
  const gridName = new Map(options.grids.map((g) => [g.id, g.name]));
  return (
    <FilterForm action="/staff/ratings" label={t("filtersTitle")} submitLabel={t("apply")} reset={{ href: "/staff/ratings", label: t("reset") }}>
      <SelectField label={t("band")} name="band" defaultValue={filters.band} options={scoreBands.map((b) => ({ value: b, label: t(`bands.${b}`) }))} />
      <SelectField
        label={t("grid")}
        name="grid"
        defaultValue={filters.gridId ?? ""}
        placeholder={t("any")}
        options={options.grids.map((g) => ({ value: g.id, label: g.name }))}
      />
      <SelectField
        label={t("courtyard")}
        name="courtyard"
        defaultValue={filters.courtyardId ?? ""}
        placeholder={t("any")}
        options={options.courtyards.map((c) => ({ value: c.id, label: options.grids.length > 1 ? `${c.name}（${gridName.get(c.gridId) ?? ""}）` : c.name }))}
      />
      <SelectField
        label={t("category")}
        name="category"
        defaultValue={filters.categoryId ?? ""}
        placeholder={t("any")}
        options={options.categories.map((c) => ({ value: c.id, label: locale === "en" ? c.en : c.zh }))}
      />
      <SelectField label={t("rater")} name="rater" defaultValue={filters.rater} options={raterKinds.map((r) => ({ value: r, label: t(`raters.${r}`) }))} />
      <div className="grid grid-cols-1 gap-4 sm:col-span-3 sm:grid-cols-2">
        <TextField label={t("from")} name="from" type="date" defaultValue={filters.from ?? ""} />
        <TextField label={t("to")} name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
    </FilterForm>
  );
}
