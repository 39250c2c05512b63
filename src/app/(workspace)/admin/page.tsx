import { getTranslations } from "next-intl/server";
import { CardLink, Section, Stat } from "@/components/ui/card";
import { TextLink } from "@/components/ui/link";
import { PageTitle } from "@/components/ui/page-title";
import { AuditList } from "@/features/admin/components/audit-list";
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
        <Stat label={t("home.communities")}>{overview.communities}</Stat>
        <Stat label={t("home.grids")}>{overview.grids}</Stat>
        <Stat label={t("home.courtyards")}>{overview.courtyards}</Stat>
        <Stat label={t("home.buildings")}>{overview.buildings}</Stat>
        <Stat label={t("home.residents")}>{overview.residents}</Stat>
      </dl>
      <Section title={t("home.shortcuts")} id="shortcuts">
        <ul className="grid gap-3 sm:grid-cols-2">
          {shortcuts.map((s) => (
            <li key={s.href}>
              <CardLink href={s.href}>
                <span className="block text-lg font-semibold text-brand-700">{s.title}</span>
                <span className="block text-gray-700">{s.body}</span>
              </CardLink>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t("home.recent")} id="recent" actions={<TextLink href="/admin/audit">{t("home.allChanges")}</TextLink>}>
        <AuditList items={recent} />
      </Section>
    </>
  );
}
