import { getTranslations } from "next-intl/server";
import { NavLinks } from "@/components/ui/nav";
import { requireWorkspace } from "@/server/auth/guards";

// The staff workspace's own navigation. Each page, action and export checks again: a layout
// does not protect what is below it.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  await requireWorkspace("workspace.staff");
  const t = await getTranslations("staffReview.nav");
  const items = [
    { href: "/staff", label: t("overview") },
    { href: "/staff/ratings", label: t("ratings") },
    { href: "/staff/follow-ups", label: t("followUps") },
    { href: "/staff/board", label: t("board") },
    { href: "/staff/report", label: t("report") },
  ];
  return (
    <>
      <NavLinks items={items} label={t("label")} />
      {children}
    </>
  );
}
