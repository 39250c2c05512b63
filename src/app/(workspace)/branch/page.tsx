import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { listSecretaryCourtyards } from "@/features/map/queries";
import { requireWorkspace } from "@/server/auth/guards";

export default async function BranchHome() {
  const actor = await requireWorkspace("workspace.branch");
  const [t, courtyards] = await Promise.all([getTranslations("branch"), listSecretaryCourtyards(actor)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
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
      <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
