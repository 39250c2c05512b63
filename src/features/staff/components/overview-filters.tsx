// The overview's range: a GET form, so every view has a link that can be shared or bookmarked.
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { dimensions } from "@/domain/metrics/overview";
import type { OverviewQuery } from "../schemas";

export function OverviewFilters({ query }: { query: OverviewQuery }) {
  const t = useTranslations("staffReview");
  return (
    <FilterForm action="/staff" label={t("overview.filtersTitle")} columns={4} submitLabel={t("overview.apply")}>
      <SelectField
        label={t("overview.dimension")}
        name="dimension"
        defaultValue={query.dimension}
        options={dimensions.map((d) => ({ value: d, label: t(`dimensions.${d}`) }))}
      />
      <SelectField
        label={t("overview.period")}
        name="period"
        defaultValue={query.period}
        options={[
          { value: "month", label: t("periods.month") },
          { value: "week", label: t("periods.week") },
        ]}
      />
      <TextField label={t("overview.from")} name="from" type="date" defaultValue={query.from} />
      <TextField label={t("overview.to")} name="to" type="date" defaultValue={query.to} />
    </FilterForm>
  );
}
