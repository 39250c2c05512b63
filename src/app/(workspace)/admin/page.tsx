import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/page-title";
import { AuditList } from "@/features/admin/components/audit-list";
import { Section, Stat } from "@/features/admin/components/ui";
import { recentAudit } from "@/features/admin/audit-queries";
import { adminOverview } from "@/features/admin/map-queries";
import { requireWorkspace } from "@/server/auth/guards";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminHome() {
  const actor = await requireWorkspace("workspace.admin");
  const [t, overview, recent] = await Promise.all([getTranslations("admin"), adminOverview(actor), recentAudit(actor)]);
  const shortcuts = [
    { href: "/admin/map", title: t("nav.map"), body: t("home.mapBody") },
    { href: "/admin/people/new", title: t("people.newTitle"), body: t("home.peopleBody") },
    { href: "/admin/import", title: t("nav.import"), body: t("home.importBody") },
    { href: "/admin/categories", title: t("nav.categories"), body: t("home.categoriesBody") },
  ];
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-4 text-gray-700">{overview.global ? t("home.scopeAll") : t("home.scopeCommunity")}</p>
      <dl className="mb-8 grid grid-cols-2 gap-2 sm:grid-cols-5">
        <Stat label={t("home.communities")} value={overview.communities} />
        <Stat label={t("home.grids")} value={overview.grids} />
        <Stat label={t("home.courtyards")} value={overview.courtyards} />
        <Stat label={t("home.buildings")} value={overview.buildings} />
        <Stat label={t("home.residents")} value={overview.residents} />
      </dl>
      <Section title={t("home.shortcuts")} id="shortcuts">
        <ul className="grid gap-3 sm:grid-cols-2">
          {shortcuts.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="block min-h-11 rounded-xl bg-white p-4 ring-1 ring-gray-200 hover:ring-brand-700">
                <span className="block text-lg font-semibold text-brand-700">{s.title}</span>
                <span className="block text-gray-700">{s.body}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      <Section
        title={t("home.recent")}
        id="recent"
        actions={
          <Link href="/admin/audit" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            {t("home.allChanges")}
          </Link>
        }
      >
        <AuditList items={recent} />
      </Section>
    </>
  );
}
