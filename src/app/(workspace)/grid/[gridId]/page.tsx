import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, Section } from "@/components/ui/card";
import { BackLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
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
      <BackLink href="/grid" label={t("back")} />
      <PageTitle>
        {grid.community.name} {grid.name}
      </PageTitle>
      <Section id="courtyards-title" title={t("courtyardList")}>
        <ul className="grid gap-2 sm:grid-cols-2">
          {grid.courtyards.map((c) => (
            <Card as="li" key={c.id}>
              <p className="font-semibold">{c.name}</p>
              <p className="text-gray-700">{c.address}</p>
              <p className="text-gray-700">
                {t("buildings", { count: c._count.buildings })} · {t("residents", { count: c.residents })}
              </p>
            </Card>
          ))}
        </ul>
      </Section>
    </>
  );
}
