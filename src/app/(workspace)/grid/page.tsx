import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { CardLink, Section } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import type { OrderStatus } from "@/generated/prisma/enums";
import { listWorkerGrids } from "@/features/map/queries";
import { OrderList } from "@/features/orders/components/order-list";
import { activeCategories, gridQueue, type QueueFilters } from "@/features/orders/queries";
import { queueCourtyards } from "@/features/orders/queue-options";
import { requireWorkspace } from "@/server/auth/guards";
import { field, parseSearchParams, type SearchParams } from "@/lib/search-params";

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

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-x-3">
        <PageTitle>{t("title")}</PageTitle>
        <ButtonLink href="/grid/orders/new" className="mb-4">
          {t("placeOnBehalf")}
        </ButtonLink>
      </div>

      <FilterForm action="/grid" label={t("filters")} submitLabel={t("filterSubmit")} reset={filtered ? { href: "/grid", label: t("filterClear") } : undefined}>
        <SelectField
          label={t("filterStatus")}
          name="status"
          defaultValue={filters.status ?? ""}
          placeholder={t("filterAllOpen")}
          options={statuses.map((s) => ({ value: s, label: tStatus(s) }))}
        />
        <SelectField
          label={t("filterCategory")}
          name="categoryId"
          defaultValue={filters.categoryId ?? ""}
          placeholder={t("filterAllCategories")}
          options={categories.map((c) => ({ value: c.id, label: locale === "en" ? c.nameEn : c.nameZh }))}
        />
        <SelectField
          label={t("filterCourtyard")}
          name="courtyardId"
          defaultValue={filters.courtyardId ?? ""}
          placeholder={t("filterAllCourtyards")}
          options={courtyards.map((c) => ({ value: c.id, label: c.name }))}
        />
      </FilterForm>

      <Section id="queue-title" title={t("queueTitle")}>
        <p className="-mt-2 mb-3 text-gray-700">{filtered ? t("queueFiltered", { total: queue.total }) : t("queueAll", { total: queue.total })}</p>
        <OrderList
          items={queue.items}
          emptyTitle={filtered ? t("filteredEmptyTitle") : t("emptyTitle")}
          emptyBody={filtered ? t("filteredEmptyBody") : t("emptyBody")}
        />
        <Pagination list={queue} basePath="/grid" params={{ status: filters.status, categoryId: filters.categoryId, courtyardId: filters.courtyardId }} />
      </Section>

      <Section id="grids-title" title={t("myGrids")}>
        <ul className="grid gap-2 sm:grid-cols-2">
          {grids.map((g) => (
            <li key={g.id}>
              <CardLink href={`/grid/${g.id}`}>
                <span className="font-semibold">
                  {g.community.name} {g.name}
                </span>
                <span className="block text-gray-700">{t("courtyards", { count: g._count.courtyards })}</span>
              </CardLink>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
