import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
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
        <section key={c.id} aria-labelledby={`${c.id}-title`} className="mb-8">
          <div className="mb-2 flex flex-wrap items-baseline gap-x-3">
            <h2 id={`${c.id}-title`} className="text-lg font-semibold">{c.title}</h2>
            <p className="text-gray-700">{t("count", { count: c.list.total })}</p>
          </div>
          <OrderList items={c.list.items} emptyTitle={c.emptyTitle} emptyBody={c.emptyBody} />
          {c.list.total > c.list.items.length && (
            <p className="mt-2 text-gray-700">{t("more", { shown: c.list.items.length, total: c.list.total })}</p>
          )}
        </section>
      ))}
      <section aria-labelledby="courtyards-title" className="mb-6">
        <h2 id="courtyards-title" className="mb-2 text-lg font-semibold">{t("myCourtyards")}</h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {courtyards.map((c) => (
            <li key={c.id} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
              <p className="font-semibold">{c.name}</p>
              <p className="text-gray-700">{c.partyBranchName} · {c.grid.name}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
