import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { OrderListItem } from "@/features/orders/queries";
import { OverdueBadge, StatusBadge } from "./status-badge";

export function OrderList({ items, emptyTitle, emptyBody }: { items: OrderListItem[]; emptyTitle?: string; emptyBody?: string }) {
  const t = useTranslations("orders");
  const format = useFormatter();
  const locale = useLocale();
  if (items.length === 0) {
    return (
      <div className="rounded-2xl border-2 border-dashed border-gray-300 bg-white p-6 text-center">
        <p className="text-xl font-semibold">{emptyTitle ?? t("empty")}</p>
        {emptyBody && <p className="mt-1 text-gray-700">{emptyBody}</p>}
      </div>
    );
  }
  return (
    <ul className="space-y-3">
      {items.map((o) => (
        <li key={o.id}>
          <Link
            href={`/orders/${o.id}`}
            className={`block rounded-xl bg-white p-4 ring-1 hover:ring-2 hover:ring-brand-700 ${o.overdue ? "ring-red-400" : "ring-gray-200"}`}
          >
            <span className="flex flex-wrap items-center gap-2">
              <StatusBadge status={o.status} />
              <OverdueBadge overdue={o.overdue} />
              <span className="text-gray-700">{t("number", { number: o.number })}</span>
            </span>
            <span className="mt-1 block text-lg font-semibold">{o.title}</span>
            <span className="block text-gray-700">
              {locale === "en" ? o.category.en : o.category.zh} · {o.courtyard} · {t("dueAt", { date: format.dateTime(o.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}
              {o.meTooCount > 0 && ` · ${t("meToo", { count: o.meTooCount })}`}
              {o.awaitingMeeting && ` · ${t("awaitingMeeting")}`}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
