import { getTranslations } from "next-intl/server";
import { Card, Section } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { listSecretaryCourtyards } from "@/features/map/queries";
import { OrderList } from "@/features/orders/components/order-list";
import { dispatchBoard } from "@/features/orders/queries";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("branch"))("title") };
}

export default async function BranchHome() {
  const actor = await requireWorkspace("workspace.branch");
  const [t, courtyards, board] = await Promise.all([getTranslations("branch"), listSecretaryCourtyards(actor), dispatchBoard(actor)]);
  const columns = [
    { id: "awaiting", title: t("awaitingTitle"), list: board.awaiting, emptyTitle: t("emptyTitle"), emptyBody: t("emptyBody") },
    { id: "in-progress", title: t("inProgressTitle"), list: board.inProgress, emptyTitle: t("inProgressEmptyTitle"), emptyBody: t("inProgressEmptyBody") },
  ];
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      {columns.map((c) => (
        <Section key={c.id} id={`${c.id}-title`} title={c.title}>
          <p className="-mt-2 mb-3 text-gray-700">{t("count", { count: c.list.total })}</p>
          <OrderList items={c.list.items} emptyTitle={c.emptyTitle} emptyBody={c.emptyBody} />
          {c.list.total > c.list.items.length && <p className="mt-2 text-gray-700">{t("more", { shown: c.list.items.length, total: c.list.total })}</p>}
        </Section>
      ))}
      <Section id="courtyards-title" title={t("myCourtyards")}>
        <ul className="grid gap-2 sm:grid-cols-2">
          {courtyards.map((c) => (
            <Card as="li" key={c.id}>
              <p className="font-semibold">{c.name}</p>
              <p className="text-gray-700">
                {c.partyBranchName} · {c.grid.name}
              </p>
            </Card>
          ))}
        </ul>
      </Section>
    </>
  );
}
