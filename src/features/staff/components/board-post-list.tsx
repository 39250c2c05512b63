// The community's public posts as neighbours read them: hidden ones marked, and those whose
// text held a phone or door number flagged, each with the way to its order's page.
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/link";
import { StatusBadge } from "@/features/orders/components/status-badge";
import type { BoardPost } from "../queries";

export function BoardPostList({ items }: { items: BoardPost[] }) {
  const t = useTranslations("staffReview.board");
  const format = useFormatter();
  return (
    <ul className="space-y-4">
      {items.map((p) => (
        <Card as="li" key={p.id} tone={p.holds.phone || p.holds.room ? "warn" : "plain"}>
          <p className="flex flex-wrap items-center gap-2">
            <StatusBadge status={p.status} />
            {p.hidden && <Badge tone="dark">{t("hidden")}</Badge>}
            {p.holds.phone && (
              <Badge tone="amber" icon="⚠">
                {t("holdsPhone")}
              </Badge>
            )}
            {p.holds.room && (
              <Badge tone="amber" icon="⚠">
                {t("holdsRoom")}
              </Badge>
            )}
          </p>
          <h3 className="mt-2 text-lg font-semibold break-all">{t("heading", { number: p.number, title: p.title })}</h3>
          <p className="text-gray-800">
            {p.courtyard} · <time dateTime={p.createdAt.toISOString()}>{format.dateTime(p.createdAt, { dateStyle: "medium" })}</time>
          </p>
          <p className="mt-2 whitespace-pre-wrap break-words">{p.description}</p>
          <p className="mt-3 border-t border-gray-200 pt-3">
            <TextLink href={`/orders/${p.id}`}>{p.hidden ? t("openToRestore", { number: p.number }) : t("openToHide", { number: p.number })}</TextLink>
          </p>
        </Card>
      ))}
    </ul>
  );
}
