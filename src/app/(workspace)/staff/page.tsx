import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { Pagination } from "@/components/pagination";
import { communityOverview } from "@/features/map/queries";
import { OrderList } from "@/features/orders/components/order-list";
import { followUps } from "@/features/orders/queries";
import { requireWorkspace } from "@/server/auth/guards";

type SearchParams = Record<string, string | string[] | undefined>;

/** A page number from the query string: a positive whole number, else 1. */
function pageOf(value: string | string[] | undefined) {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  return /^\d{1,6}$/.test(raw) ? Math.max(1, Number(raw)) : 1;
}

export async function generateMetadata() {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffHome({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireWorkspace("workspace.staff");
  const page = pageOf((await searchParams).page);
  const [t, communities, firstTry] = await Promise.all([getTranslations("staff"), communityOverview(actor), followUps(actor, page)]);
  // Past the last page (an old link after follow-ups were done): show the last page instead.
  const pending = firstTry.page > firstTry.pages ? await followUps(actor, firstTry.pages) : firstTry;
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <section aria-labelledby="follow-ups-title" className="mb-8">
        <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
          <h2 id="follow-ups-title" className="text-lg font-semibold">{t("followUpsTitle")}</h2>
          <p className="text-gray-700">{t("followUpsCount", { count: pending.total })}</p>
        </div>
        <OrderList items={pending.items} emptyTitle={t("followUpsEmpty")} emptyBody={t("followUpsEmptyBody")} />
        <Pagination page={pending.page} pages={pending.pages} total={pending.total} basePath="/staff" />
      </section>
      {communities.map((c) => (
        <section key={c.id} aria-label={c.name} className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{c.name}</h2>
          <dl className="grid grid-cols-3 gap-2">
            {[
              [t("grids"), c._count.grids],
              [t("courtyards"), c.courtyards],
              [t("residents"), c.residents],
            ].map(([label, value]) => (
              <div key={String(label)} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
                <dt className="text-gray-700">{label}</dt>
                <dd className="text-2xl font-bold">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
