import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { listWorkerGrids } from "@/features/map/queries";
import { requireWorkspace } from "@/server/auth/guards";

export default async function GridHome() {
  const actor = await requireWorkspace("workspace.grid");
  const [t, grids] = await Promise.all([getTranslations("grid"), listWorkerGrids(actor)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
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
      <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
