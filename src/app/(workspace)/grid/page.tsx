import Link from "next/link";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Pagination } from "@/components/pagination";
import type { OrderStatus } from "@/generated/prisma/enums";
import { listWorkerGrids } from "@/features/map/queries";
import { OrderList } from "@/features/orders/components/order-list";
import { activeCategories, gridQueue, type QueueFilters } from "@/features/orders/queries";
import { queueCourtyards } from "@/features/orders/queue-options";
import { requireWorkspace } from "@/server/auth/guards";
import { field, parseSearchParams, type SearchParams } from "@/server/http/search-params";

// The open statuses first, as a worker looks for them most.
const statuses = ["PLACED", "ACCEPTED", "IN_PROGRESS", "REOPENED", "COMPLETED", "CLOSED", "DECLINED", "WITHDRAWN"] as const satisfies readonly OrderStatus[];

const querySchema = z.object({ status: field.oneOf(statuses, undefined), categoryId: field.id(), courtyardId: field.id(), page: field.page() });

export async function generateMetadata() {
  return { title: (await getTranslations("grid"))("title") };
}

export default async function GridHome({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.grid");
  const query = await searchParams;
  const [t, tStatus, locale, grids, categories, courtyards] = await Promise.all([
    getTranslations("grid"),
    getTranslations("orders.status"),
    getLocale(),
    listWorkerGrids(actor),
    activeCategories(),
    queueCourtyards(actor),
  ]);

  // Unknown values are ignored: only a known status and the ids offered in the selects filter.
  const { status, categoryId, courtyardId, page } = parseSearchParams(querySchema, query);
  const filters: QueueFilters = {
    status,
    categoryId: categories.some((c) => c.id === categoryId) ? categoryId : undefined,
    courtyardId: courtyards.some((c) => c.id === courtyardId) ? courtyardId : undefined,
  };
  const queue = await gridQueue(actor, { ...filters, page });

  const filtered = !!(filters.status || filters.categoryId || filters.courtyardId);
  const field = "block min-h-12 w-full rounded-lg border border-gray-400 bg-white px-3 text-lg";
  const button = "inline-flex min-h-12 items-center justify-center rounded-lg px-4 text-lg font-semibold";

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-3">
        <PageTitle>{t("title")}</PageTitle>
        <Link href="/grid/orders/new" className={`${button} mb-4 bg-brand-700 text-white hover:bg-brand-800`}>
          {t("placeOnBehalf")}
        </Link>
      </div>

      <form method="get" action="/grid" aria-label={t("filters")} className="mb-4 rounded-2xl bg-white p-4 ring-1 ring-gray-200">
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="space-y-1">
            <label htmlFor="filter-status" className="block font-medium">{t("filterStatus")}</label>
            <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className={field}>
              <option value="">{t("filterAllOpen")}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>{tStatus(s)}</option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-category" className="block font-medium">{t("filterCategory")}</label>
            <select id="filter-category" name="categoryId" defaultValue={filters.categoryId ?? ""} className={field}>
              <option value="">{t("filterAllCategories")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>{locale === "en" ? c.nameEn : c.nameZh}</option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-courtyard" className="block font-medium">{t("filterCourtyard")}</label>
            <select id="filter-courtyard" name="courtyardId" defaultValue={filters.courtyardId ?? ""} className={field}>
              <option value="">{t("filterAllCourtyards")}</option>
              {courtyards.map((c) => (
                <option key={c.id} value={c.id}>{c.name}</option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className={`${button} bg-gray-900 text-white hover:bg-gray-700`}>
            {t("filterSubmit")}
          </button>
          {filtered && (
            <Link href="/grid" className={`${button} bg-white font-medium ring-1 ring-gray-400 hover:bg-gray-100`}>
              {t("filterClear")}
            </Link>
          )}
        </div>
      </form>

      <section aria-labelledby="queue-title" className="mb-8">
        <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
          <h2 id="queue-title" className="text-lg font-semibold">{t("queueTitle")}</h2>
          <p className="text-gray-700">{filtered ? t("queueFiltered", { total: queue.total }) : t("queueAll", { total: queue.total })}</p>
        </div>
        <OrderList
          items={queue.items}
          emptyTitle={filtered ? t("filteredEmptyTitle") : t("emptyTitle")}
          emptyBody={filtered ? t("filteredEmptyBody") : t("emptyBody")}
        />
        <Pagination
          page={queue.page}
          pages={queue.pages}
          total={queue.total}
          basePath="/grid"
          params={{ status: filters.status, categoryId: filters.categoryId, courtyardId: filters.courtyardId }}
        />
      </section>

      <section aria-labelledby="grids-title" className="mb-6">
        <h2 id="grids-title" className="mb-2 text-lg font-semibold">{t("myGrids")}</h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {grids.map((g) => (
            <li key={g.id}>
              <Link href={`/grid/${g.id}`} className="block min-h-11 rounded-xl bg-white p-4 ring-1 ring-gray-200 hover:ring-brand-700">
                <span className="font-semibold">{g.community.name} {g.name}</span>
                <span className="block text-gray-700">{t("courtyards", { count: g._count.courtyards })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
