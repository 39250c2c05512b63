import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { CardLink } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { listPeople, peopleStatuses } from "@/features/admin/people-queries";
import { assignableRoles } from "@/domain/admin/schemas";
import { requireWorkspace } from "@/server/auth/guards";
import { field, parseSearchParams, type SearchParams } from "@/lib/search-params";

const querySchema = z.object({
  q: field.text(30),
  role: field.oneOf(assignableRoles, undefined),
  status: field.oneOf(peopleStatuses, undefined),
  page: field.page(),
});

export async function generateMetadata() {
  return { title: (await getTranslations("admin.nav"))("people") };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.admin");
  const filters = parseSearchParams(querySchema, await searchParams);
  const [t, tRoles, result] = await Promise.all([getTranslations("admin"), getTranslations("roles"), listPeople(actor, filters)]);
  const filtered = !!(filters.q || filters.role || filters.status);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <PageTitle>{t("nav.people")}</PageTitle>
        <ButtonLink href="/admin/people/new" className="mb-4">
          {t("people.newTitle")}
        </ButtonLink>
      </div>
      <FilterForm action="/admin/people" label={t("people.searchLabel")} search submitLabel={t("people.searchButton")}>
        <TextField label={t("people.search")} name="q" type="search" defaultValue={filters.q} maxLength={30} placeholder={t("people.searchPlaceholder")} />
        <SelectField
          label={t("people.role")}
          name="role"
          defaultValue={filters.role ?? ""}
          placeholder={t("people.anyRole")}
          options={assignableRoles.map((r) => ({ value: r, label: tRoles(r) }))}
        />
        <SelectField
          label={t("people.status")}
          name="status"
          defaultValue={filters.status ?? ""}
          placeholder={t("people.anyStatus")}
          options={peopleStatuses.map((s) => ({ value: s, label: t(`people.${s}`) }))}
        />
      </FilterForm>

      <p className="mb-2 text-gray-700" aria-live="polite">
        {t("people.count", { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title={filtered ? t("people.noMatchTitle") : t("people.emptyTitle")} body={filtered ? t("people.noMatchBody") : t("people.emptyBody")} />
      ) : (
        <ul className="space-y-2">
          {result.items.map((u) => (
            <li key={u.id}>
              <CardLink href={`/admin/people/${u.id}`}>
                <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="text-lg font-semibold text-brand-700 underline underline-offset-4">{u.name}</span>
                  <span className="text-gray-700">{u.phone}</span>
                  {u.disabled && <Badge>{t("people.disabled")}</Badge>}
                  {u.mustChangePassword && <Badge tone="amber">{t("people.mustChange")}</Badge>}
                </span>
                <span className="mt-1 block text-gray-800">
                  {u.roles.length === 0 ? t("people.noVisibleRoles") : u.roles.map((r) => `${tRoles(r.role)}${r.place ? `（${r.place}）` : ""}`).join("；")}
                </span>
              </CardLink>
            </li>
          ))}
        </ul>
      )}
      <Pagination list={result} basePath="/admin/people" params={{ q: filters.q, role: filters.role, status: filters.status }} />
    </>
  );
}
