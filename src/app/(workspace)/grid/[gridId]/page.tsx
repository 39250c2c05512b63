import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { getGrid } from "@/features/map/queries";
import { requireWorkspace } from "@/server/auth/guards";

export default async function GridPage({ params }: { params: Promise<{ gridId: string }> }) {
  const actor = await requireWorkspace("workspace.grid");
  const { gridId } = await params;
  const grid = await getGrid(actor, gridId);
  if (!grid) notFound();
  const t = await getTranslations("grid");
  return (
    <>
      <p className="mb-2">
        <Link href="/grid" className="text-blue-800 underline">{t("back")}</Link>
      </p>
      <PageTitle>{grid.community.name} {grid.name}</PageTitle>
      <h2 className="mb-2 text-lg font-semibold">{t("courtyardList")}</h2>
      <ul className="grid gap-2 sm:grid-cols-2">
        {grid.courtyards.map((c) => (
          <li key={c.id} className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
            <p className="font-semibold">{c.name}</p>
            <p className="text-gray-700">{c.address}</p>
            <p className="text-gray-700">
              {t("buildings", { count: c._count.buildings })} · {t("residents", { count: c.residents })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
