import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { PageTitle } from "@/components/page-title";
import { listOwnHomes } from "@/features/map/queries";
import { requireWorkspace } from "@/server/auth/guards";

export default async function ResidentHome() {
  const actor = await requireWorkspace("workspace.resident");
  const [t, homes] = await Promise.all([getTranslations("resident"), listOwnHomes(actor)]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <section aria-labelledby="home-title" className="mb-6 rounded-2xl bg-white p-4 ring-1 ring-gray-200">
        <h2 id="home-title" className="font-semibold">{t("home")}</h2>
        {homes.length === 0 ? (
          <p className="text-gray-700">{t("noHome")}</p>
        ) : (
          <ul>
            {homes.map((h) => (
              <li key={h.id}>{[h.courtyard.name, h.building?.number, h.unit, h.room].filter(Boolean).join(" ")}</li>
            ))}
          </ul>
        )}
      </section>
      <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
