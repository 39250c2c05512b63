import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { auditKinds, type AuditKind } from "@/domain/admin/audit";
import { isDay } from "@/domain/metrics/periods";
import { auditActors, listAudit } from "@/features/admin/audit-queries";
import { AuditList } from "@/features/admin/components/audit-list";
import { requireWorkspace } from "@/server/auth/guards";
import { field, parseSearchParams, type SearchParams } from "@/lib/search-params";

const querySchema = z.object({
  actor: field.id(),
  kind: field.oneOf(Object.keys(auditKinds) as [AuditKind, ...AuditKind[]], undefined),
  from: field.valid(isDay),
  to: field.valid(isDay),
  page: field.page(),
});

export async function generateMetadata() {
  return { title: (await getTranslations("admin.nav"))("audit") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.admin");
  const { actor: actorId, ...rest } = parseSearchParams(querySchema, await searchParams);
  const filters = { actorId, ...rest };
  const [t, result, actors] = await Promise.all([getTranslations("admin"), listAudit(actor, filters), auditActors(actor)]);
  return (
    <>
      <PageTitle>{t("nav.audit")}</PageTitle>
      <p className="mb-4 text-gray-700">{t("audit.intro")}</p>
      <FilterForm action="/admin/audit" label={t("audit.filters")} columns={4} submitLabel={t("audit.apply")}>
        <SelectField
          label={t("audit.actor")}
          name="actor"
          defaultValue={filters.actorId ?? ""}
          placeholder={t("audit.anyone")}
          options={actors.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          label={t("audit.kind")}
          name="kind"
          defaultValue={filters.kind ?? ""}
          placeholder={t("audit.anyKind")}
          options={Object.keys(auditKinds).map((k) => ({ value: k, label: t(`audit.kinds.${k}` as never) }))}
        />
        <TextField label={t("audit.from")} name="from" type="date" defaultValue={filters.from} />
        <TextField label={t("audit.to")} name="to" type="date" defaultValue={filters.to} />
      </FilterForm>
      <p className="mb-2 text-gray-700">{t("audit.count", { count: result.total })}</p>
      <AuditList items={result.items} />
      <Pagination list={result} basePath="/admin/audit" params={{ actor: filters.actorId, kind: filters.kind, from: filters.from, to: filters.to }} />
    </>
  );
}
