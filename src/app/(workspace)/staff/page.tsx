import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { communityOverview } from "@/features/map/queries";
import { requireWorkspace } from "@/server/auth/guards";

export default async function StaffHome() {
  const actor = await requireWorkspace("workspace.staff");
  const [t, communities] = await Promise.all([getTranslations("staff"), communityOverview(actor)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
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
