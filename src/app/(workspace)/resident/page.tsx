import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Card, Section } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import { listOwnHomes } from "@/features/map/queries";
import { OrderList } from "@/features/orders/components/order-list";
import { listOwnOrders } from "@/features/orders/queries";
import { requireWorkspace } from "@/server/auth/guards";
import { pageOf, type SearchParams } from "@/lib/search-params";

type Props = { searchParams: Promise<SearchParams> };

export default async function ResidentHome({ searchParams }: Props) {
  const actor = await requireWorkspace("workspace.resident");
  const [t, homes, orders] = await Promise.all([getTranslations("resident"), listOwnHomes(actor), listOwnOrders(actor, pageOf(await searchParams))]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row">
        <ButtonLink href="/resident/orders/new" size="lg">
          <span aria-hidden="true">＋</span>
          {t("newOrder")}
        </ButtonLink>
        <ButtonLink href="/resident/board" size="lg" tone="brandOutline">
          {t("board")}
        </ButtonLink>
      </div>
      <Card as="section" aria-labelledby="home-title" className="mb-6">
        <h2 id="home-title" className="font-semibold">
          {t("home")}
        </h2>
        {homes.length === 0 ? (
          <p className="text-gray-700">{t("noHome")}</p>
        ) : (
          <ul>
            {homes.map((h) => (
              <li key={h.id}>{[h.courtyard.name, h.building?.number, h.unit, h.room].filter(Boolean).join(" ")}</li>
            ))}
          </ul>
        )}
      </Card>
      <Section id="orders-title" title={t("listTitle")}>
        <OrderList items={orders.items} emptyTitle={t("emptyTitle")} emptyBody={t("emptyBody")} />
        <Pagination list={orders} basePath="/resident" />
      </Section>
    </>
  );
}
