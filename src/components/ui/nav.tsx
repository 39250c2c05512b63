"use client";
// Navigation between pages: the workspaces in the header ("main") and the sections of a
// workspace ("section"). The current item is the one whose address is the longest match of
// the path (/admin/map/… is 社区地图, not 概览), marked with aria-current for screen readers
// and by fill and weight for the eye. While the next page loads its link says so: the admin
// console has no loading.tsx, because a Suspense boundary there would commit a 200 before a
// record page could answer 404 for a record out of scope (docs/decisions/016).
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

type NavItem = { href: string; label: string };

const looks = {
  main: { shape: "rounded-lg px-3 font-medium", current: "bg-brand-700 text-white", other: "bg-white text-gray-900 ring-1 ring-gray-300 hover:bg-gray-100" },
  section: {
    shape: "rounded-full px-4",
    current: "bg-gray-900 font-semibold text-white",
    other: "bg-white text-gray-900 ring-1 ring-gray-300 hover:bg-gray-100",
  },
};

function Pending() {
  const { pending } = useLinkStatus();
  const t = useTranslations("ui");
  if (!pending) return null;
  return (
    <span role="status" className="ml-2 inline-flex items-center">
      <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-gray-300 border-t-brand-700 motion-reduce:animate-none" />
      <span className="sr-only">{t("loading")}</span>
    </span>
  );
}

/** The item the path is in: the longest href that is the path or a folder above it. */
function currentItem(items: NavItem[], pathname: string): string | undefined {
  return items
    .map((i) => i.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function NavLinks({ items, label, variant = "section" }: { items: NavItem[]; label: string; variant?: keyof typeof looks }) {
  const pathname = usePathname();
  const current = currentItem(items, pathname);
  const look = looks[variant];
  return (
    <nav aria-label={label} className={variant === "section" ? "mb-6 border-b border-gray-200 pb-3 print:hidden" : "print:hidden"}>
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center ${look.shape} ${item.href === current ? look.current : look.other}`}
            >
              {item.label}
              <Pending />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
