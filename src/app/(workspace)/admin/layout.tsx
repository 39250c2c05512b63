import { getTranslations } from "next-intl/server";
import { NavLinks } from "@/components/ui/nav";
import { requireWorkspace } from "@/server/auth/guards";

// The console's own navigation. Each page checks the administrator again: a layout does
// not protect the pages or actions below it.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireWorkspace("workspace.admin");
  const t = await getTranslations("admin.nav");
  const items = [
    { href: "/admin", label: t("home") },
    { href: "/admin/map", label: t("map") },
    { href: "/admin/categories", label: t("categories") },
    { href: "/admin/people", label: t("people") },
    { href: "/admin/import", label: t("import") },
    { href: "/admin/audit", label: t("audit") },
  ];
  return (
    <>
      <NavLinks items={items} label={t("label")} />
      {children}
    </>
  );
}
