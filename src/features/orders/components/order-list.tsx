import { useFormatter, useLocale, useTranslations } from "next-intl";
import { CardLink } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { OrderListItem } from "@/features/orders/queries";
import { OverdueBadge, StatusBadge } from "./status-badge";

export function OrderList({ items, emptyTitle, emptyBody }: { items: OrderListItem[]; emptyTitle?: string; emptyBody?: string }) {
  const t = useTranslations("orders");
  const format = useFormatter();
  const locale = useLocale();
  if (items.length === 0) return <EmptyState title={emptyTitle ?? t("empty")} body={emptyBody} />;
  return (
    <ul className="space-y-3">
      {items.map((o) => (
        <li key={o.id}>
          <CardLink href={`/orders/${o.id}`} tone={o.overdue ? "alert" : "plain"}>
            <span className="flex flex-wrap items-center gap-2">
              <StatusBadge status={o.status} />
              <OverdueBadge overdue={o.overdue} />
              <span className="text-gray-700">{t("number", { number: o.number })}</span>
            </span>
            <span className="mt-1 block text-lg font-semibold">{o.title}</span>
            <span className="block text-gray-700">
              {locale === "en" ? o.category.en : o.category.zh} · {o.courtyard} ·{" "}
              {t("dueAt", { date: format.dateTime(o.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}
              {o.meTooCount > 0 && ` · ${t("meToo", { count: o.meTooCount })}`}
              {o.awaitingMeeting && ` · ${t("awaitingMeeting")}`}
            </span>
          </CardLink>
        </li>
      ))}
    </ul>
  );
}
