import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageTitle } from "@/components/page-title";
import { Pagination } from "@/components/pagination";
import { auditKinds, type AuditKind } from "@/domain/admin/audit";
import { isDay } from "@/domain/metrics/periods";
import { auditActors, listAudit } from "@/features/admin/audit-queries";
import { AuditList } from "@/features/admin/components/audit-list";
import { controlClass } from "@/features/admin/components/form";
import { requireWorkspace } from "@/server/auth/guards";
import { field, parseSearchParams, type SearchParams } from "@/server/http/search-params";

const day = z.string().refine(isDay).optional().catch(undefined);
const querySchema = z.object({
  actor: field.id(),
  kind: field.oneOf(Object.keys(auditKinds) as [AuditKind, ...AuditKind[]], undefined),
  from: day,
  to: day,
  page: field.page(),
});

export async function generateMetadata() {
  return { title: (await getTranslations("admin.nav"))("audit") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.admin");
  const query = await searchParams;
  const { actor: actorId, ...rest } = parseSearchParams(querySchema, query);
  const filters = { actorId, ...rest };
  const [t, result, actors] = await Promise.all([getTranslations("admin"), listAudit(actor, filters), auditActors(actor)]);
  return (
    <>
      <PageTitle>{t("nav.audit")}</PageTitle>
      <p className="mb-4 text-gray-700">{t("audit.intro")}</p>
      <form aria-label={t("audit.filters")} className="mb-6 grid grid-cols-1 gap-3 rounded-xl bg-white p-4 ring-1 ring-gray-200 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end">
        <div className="space-y-1">
          <label htmlFor="audit-actor" className="block font-medium">
            {t("audit.actor")}
          </label>
          <select id="audit-actor" name="actor" defaultValue={filters.actorId} className={controlClass}>
            <option value="">{t("audit.anyone")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-kind" className="block font-medium">
            {t("audit.kind")}
          </label>
          <select id="audit-kind" name="kind" defaultValue={filters.kind} className={controlClass}>
            <option value="">{t("audit.anyKind")}</option>
            {Object.keys(auditKinds).map((k) => (
              <option key={k} value={k}>
                {t(`audit.kinds.${k}` as never)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-from" className="block font-medium">
            {t("audit.from")}
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from} className={controlClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-to" className="block font-medium">
            {t("audit.to")}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to} className={controlClass} />
        </div>
        <button type="submit" className="inline-flex min-h-12 items-center justify-center rounded-lg bg-gray-900 px-5 text-lg font-semibold text-white hover:bg-gray-700">
          {t("audit.apply")}
        </button>
      </form>
      <p className="mb-2 text-gray-700">{t("audit.count", { count: result.total })}</p>
      <AuditList items={result.items} />
      <Pagination
        page={result.page}
        pages={result.pages}
        total={result.total}
        basePath="/admin/audit"
        params={{ actor: filters.actorId || undefined, kind: filters.kind || undefined, from: filters.from || undefined, to: filters.to || undefined }}
      />
    </>
  );
}
