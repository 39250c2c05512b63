import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { configurableMap } from "@/features/map/queries";
import { requireWorkspace } from "@/server/auth/guards";

export default async function AdminHome() {
  const actor = await requireWorkspace("workspace.admin");
  const [t, communities] = await Promise.all([getTranslations("admin"), configurableMap(actor)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <h2 className="mb-2 text-lg font-semibold">{t("map")}</h2>
      {communities.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <ul className="space-y-3">
          {communities.map((c) => (
            <li key={c.id} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
              <p className="font-semibold">{c.street.name} · {c.name}</p>
              <ul className="mt-1 text-gray-700">
                {c.grids.map((g) => (
                  <li key={g.id}>{g.name}（{t("courtyardCount", { count: g._count.courtyards })}）</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
