import Link from "next/link";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { Pagination } from "@/components/pagination";
import { controlClass } from "@/features/admin/components/form";
import { StateBadge } from "@/features/admin/components/ui";
import { listPeople, peopleStatuses } from "@/features/admin/people-queries";
import { assignableRoles } from "@/domain/admin/schemas";
import { requireWorkspace } from "@/server/auth/guards";
import { field, parseSearchParams, type SearchParams } from "@/server/http/search-params";

const querySchema = z.object({ q: field.text(30), role: field.oneOf(assignableRoles, undefined), status: field.oneOf(peopleStatuses, undefined), page: field.page() });

export async function generateMetadata() {
  return { title: (await getTranslations("admin.nav"))("people") };
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.admin");
  const query = await searchParams;
  const filters = parseSearchParams(querySchema, query);
  const [t, tRoles, result] = await Promise.all([getTranslations("admin"), getTranslations("roles"), listPeople(actor, filters)]);
  const filtered = !!(filters.q || filters.role || filters.status);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <PageTitle>{t("nav.people")}</PageTitle>
        <Link href="/admin/people/new" className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800">
          {t("people.newTitle")}
        </Link>
      </div>
      <form role="search" aria-label={t("people.searchLabel")} className="mb-6 grid grid-cols-1 gap-3 rounded-xl bg-white p-4 ring-1 ring-gray-200 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor="people-q" className="block font-medium">
            {t("people.search")}
          </label>
          <input id="people-q" name="q" type="search" defaultValue={filters.q} maxLength={30} placeholder={t("people.searchPlaceholder")} className={controlClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="people-role" className="block font-medium">
            {t("people.role")}
          </label>
          <select id="people-role" name="role" defaultValue={filters.role ?? ""} className={controlClass}>
            <option value="">{t("people.anyRole")}</option>
            {assignableRoles.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="people-status" className="block font-medium">
            {t("people.status")}
          </label>
          <select id="people-status" name="status" defaultValue={filters.status ?? ""} className={controlClass}>
            <option value="">{t("people.anyStatus")}</option>
            <option value="active">{t("people.active")}</option>
            <option value="disabled">{t("people.disabled")}</option>
            <option value="mustChange">{t("people.mustChange")}</option>
          </select>
        </div>
        <button type="submit" className="inline-flex min-h-12 items-center justify-center rounded-lg bg-gray-900 px-5 text-lg font-semibold text-white hover:bg-gray-700">
          {t("people.searchButton")}
        </button>
      </form>

      <p className="mb-2 text-gray-700" aria-live="polite">
        {t("people.count", { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title={filtered ? t("people.noMatchTitle") : t("people.emptyTitle")} body={filtered ? t("people.noMatchBody") : t("people.emptyBody")} />
      ) : (
        <ul className="space-y-2">
          {result.items.map((u) => (
            <li key={u.id}>
              <Link href={`/admin/people/${u.id}`} className="block rounded-xl bg-white p-4 ring-1 ring-gray-200 hover:ring-brand-700">
                <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="text-lg font-semibold text-brand-700 underline underline-offset-4">{u.name}</span>
                  <span className="text-gray-700">{u.phone}</span>
                  {u.disabled && <StateBadge active={false} inactiveLabel={t("people.disabled")} />}
                  {u.mustChangePassword && <span className="rounded bg-amber-100 px-2 text-base text-amber-950">{t("people.mustChange")}</span>}
                </span>
                <span className="mt-1 block text-gray-800">
                  {u.roles.length === 0 ? t("people.noVisibleRoles") : u.roles.map((r) => `${tRoles(r.role)}${r.place ? `（${r.place}）` : ""}`).join("；")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pages={result.pages} total={result.total} basePath="/admin/people" params={{ q: filters.q || undefined, role: filters.role, status: filters.status }} />
    </>
  );
}
