"use client";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * While a section loads, its link says so. The console has no loading.tsx: a Suspense boundary
 * there would commit a 200 before a record page could answer 404 for a record out of scope
 * (docs/decisions/016-page-and-route-sweep.md).
 */
function Pending() {
  const { pending } = useLinkStatus();
  const t = useTranslations("admin");
  if (!pending) return null;
  return (
    <span role="status" className="ml-2 inline-flex items-center">
      <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-gray-300 border-t-brand-700" />
      <span className="sr-only">{t("loading")}</span>
    </span>
  );
}

/** The console's sections; the current one is marked for screen readers and by colour and weight. */
export function AdminNav({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-gray-200 pb-3">
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => {
          const current = item.href === "/admin" ? pathname === "/admin" : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full px-4 ${
                  current ? "bg-gray-900 font-semibold text-white" : "bg-white text-gray-900 ring-1 ring-gray-300 hover:bg-gray-100"
                }`}
              >
                {item.label}
                <Pending />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
