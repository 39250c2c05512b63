import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { ImportPanel } from "@/features/admin/components/import-panel";
import { reachableCommunities } from "@/features/admin/map-queries";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.nav"))("import") };
}

export default async function ImportPage() {
  const actor = await requireWorkspace("workspace.admin");
  const [t, communities] = await Promise.all([getTranslations("adminImport"), reachableCommunities(actor)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-6 text-gray-700">{t("intro")}</p>
      {communities.length === 0 ? (
        <EmptyState title={t("noCommunityTitle")} body={t("noCommunityBody")} />
      ) : (
        <ImportPanel communities={communities.map((c) => ({ id: c.id, label: `${c.street.name} · ${c.name}` }))} />
      )}
    </>
  );
}
