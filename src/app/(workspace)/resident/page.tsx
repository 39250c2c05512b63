import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { Pagination } from "@/components/pagination";
import { listOwnHomes } from "@/features/map/queries";
import { OrderList } from "@/features/orders/components/order-list";
import { listOwnOrders } from "@/features/orders/queries";
import { requireWorkspace } from "@/server/auth/guards";
import { pageOf, type SearchParams } from "@/server/http/search-params";

type Props = { searchParams: Promise<SearchParams> };

export default async function ResidentHome({ searchParams }: Props) {
  const actor = await requireWorkspace("workspace.resident");
  const [t, homes, orders] = await Promise.all([
    getTranslations("resident"),
    listOwnHomes(actor),
    listOwnOrders(actor, pageOf(await searchParams)),
  ]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row">
        <Link
          href="/resident/orders/new"
          className="inline-flex min-h-14 items-center justify-center rounded-xl bg-brand-700 px-6 text-xl font-bold text-white shadow-sm hover:bg-brand-800"
        >
          <span aria-hidden="true" className="mr-2">＋</span>
          {t("newOrder")}
        </Link>
        <Link
          href="/resident/board"
          className="inline-flex min-h-14 items-center justify-center rounded-xl bg-white px-6 text-xl font-semibold text-brand-700 ring-2 ring-brand-700 hover:bg-red-50"
        >
          {t("board")}
        </Link>
      </div>
      <section aria-labelledby="home-title" className="mb-6 rounded-2xl bg-white p-4 ring-1 ring-gray-200">
        <h2 id="home-title" className="font-semibold">{t("home")}</h2>
        {homes.length === 0 ? (
          <p className="text-gray-700">{t("noHome")}</p>
        ) : (
          <ul>
            {homes.map((h) => (
              <li key={h.id}>{[h.courtyard.name, h.building?.number, h.unit, h.room].filter(Boolean).join(" ")}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="orders-title">
        <h2 id="orders-title" className="mb-3 text-xl font-bold">{t("listTitle")}</h2>
        <OrderList items={orders.items} emptyTitle={t("emptyTitle")} emptyBody={t("emptyBody")} />
        <Pagination page={orders.page} pages={orders.pages} total={orders.total} basePath="/resident" />
      </section>
    </>
  );
}
