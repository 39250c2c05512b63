"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The staff workspace's sections; the current one is marked for screen readers and by weight and fill. */
export function StaffNav({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-gray-200 pb-3 print:hidden">
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => {
          const current = item.href === "/staff" ? pathname === "/staff" : pathname === item.href || pathname.startsWith(`${item.href}/`);
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
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
