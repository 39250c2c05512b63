import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageTitle } from "@/components/ui/page-title";
import { Pagination } from "@/components/ui/pagination";
import type { OrderStatus } from "@/generated/prisma/enums";
import { notificationKinds, type NotificationKind } from "@/domain/notifications/notify";
import { markNotificationsReadAction } from "@/features/notifications/actions";
import { notificationsFor, unreadCount } from "@/features/orders/queries";
import { requireActor } from "@/server/auth/guards";
import { pageOf, type SearchParams } from "@/lib/search-params";

const isKind = (kind: string): kind is NotificationKind => (notificationKinds as readonly string[]).includes(kind);

const statuses: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "CLOSED", "DECLINED", "WITHDRAWN", "REOPENED"];
const isStatus = (value: unknown): value is OrderStatus => typeof value === "string" && (statuses as readonly string[]).includes(value);

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const page = pageOf(await searchParams);
  const [t, tStatus, format, list, unread] = await Promise.all([
    getTranslations("notifications"),
    getTranslations("orders.status"),
    getFormatter(),
    notificationsFor(actor, page),
    unreadCount(actor),
  ]);

  /** The notification as a sentence; stored params are plain JSON, so each is checked. */
  const sentence = (kind: string, params: Record<string, unknown>) => {
    const numberOf = (v: unknown) => (typeof v === "number" || typeof v === "string" ? v : "?");
    const number = numberOf(params.number);
    const title = typeof params.title === "string" ? params.title : "";
    if (!isKind(kind)) return t("unknown", { number });
    const status = isStatus(params.status) ? tStatus(params.status) : String(params.status ?? "");
    const reason = typeof params.reason === "string" ? params.reason : "";
    return t(`kinds.${kind}`, { number, title, status, target: numberOf(params.target), reason });
  };

  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-gray-700">{t("summary", { total: list.total, unread })}</p>
        {unread > 0 && (
          <form action={markNotificationsReadAction}>
            <Button type="submit" tone="secondary">
              {t("markAllRead")}
            </Button>
          </form>
        )}
      </div>

      {list.items.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <ul className="space-y-3">
          {list.items.map((n) => {
            const isUnread = !n.readAt;
            const text = sentence(n.kind, n.params);
            return (
              <Card as="li" key={n.id} tone={isUnread ? "plain" : "muted"} className={isUnread ? "border-l-8 border-brand-700" : undefined}>
                <p className="flex flex-wrap items-center gap-2 text-gray-700">
                  {isUnread && <Badge tone="brand">{t("unread")}</Badge>}
                  <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </p>
                {n.orderId ? (
                  <Link
                    id={`notification-${n.id}`}
                    href={`/orders/${n.orderId}`}
                    className={`mt-1 block min-h-11 py-1 text-lg text-brand-700 underline underline-offset-4 ${isUnread ? "font-semibold" : ""}`}
                  >
                    {text}
                  </Link>
                ) : (
                  <p id={`notification-${n.id}`} className={`mt-1 text-lg ${isUnread ? "font-semibold" : ""}`}>
                    {text}
                  </p>
                )}
                {isUnread && (
                  <form action={markNotificationsReadAction} className="mt-2">
                    <input type="hidden" name="id" value={n.id} />
                    <Button type="submit" tone="secondary" size="sm" aria-describedby={`notification-${n.id}`}>
                      {t("markRead")}
                    </Button>
                  </form>
                )}
              </Card>
            );
          })}
        </ul>
      )}
      <Pagination list={list} basePath="/notifications" />
    </>
  );
}
