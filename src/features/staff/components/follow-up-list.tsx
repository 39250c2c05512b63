// 回访中: whom to call about which poor rating, by when; the follow-up itself (记录回访, 完结,
// 退回网格) is recorded on the order's page, in its timeline.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/link";
import type { FollowUpItem } from "../queries";
import { BandBadge } from "./rating-list";
import { RevealPhone } from "./reveal-phone";

const dimensions = ["goal", "timing", "form", "conduct"] as const;

export function FollowUpList({ items }: { items: FollowUpItem[] }) {
  const t = useTranslations("staffReview");
  const tScore = useTranslations("orderPage.rating");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <ul className="space-y-4">
      {items.map((o) => (
        <Card as="li" key={o.id} tone={o.overdue ? "alert" : "plain"}>
          <p className="flex flex-wrap items-center gap-2">
            {o.rating && <BandBadge minScore={o.rating.minScore} />}
            {o.overdue && (
              <Badge tone="alert" icon="⚠">
                {t("followUps.overdue")}
              </Badge>
            )}
          </p>
          <h3 className="mt-2 text-lg font-semibold break-all">{t("ratings.orderLink", { number: o.number, title: o.title })}</h3>
          <p className="text-gray-800">
            {locale === "en" ? o.category.en : o.category.zh} · {o.grid} · {o.courtyard} · {t("followUps.due")}{" "}
            <time dateTime={o.dueAt.toISOString()}>{format.dateTime(o.dueAt, { dateStyle: "medium", timeStyle: "short" })}</time>
          </p>
          {o.rating && (
            <div className="mt-2">
              <p className="text-gray-700">{t("followUps.rating")}：</p>
              <p>{dimensions.map((d) => `${tScore(d)} ${o.rating![d]}`).join(" · ")}</p>
              {o.rating.comment && <p className="whitespace-pre-wrap break-words">“{o.rating.comment}”</p>}
            </div>
          )}
          <div className="mt-3 flex flex-wrap items-center gap-x-3 border-t border-gray-200 pt-3">
            <span className="text-gray-700">{t("ratings.requester")}：</span>
            <span className="font-medium">{o.requester.name}</span>
            <RevealPhone orderId={o.id} masked={o.requester.maskedPhone} name={o.requester.name} />
          </div>
          <p className="mt-2">
            <TextLink href={`/orders/${o.id}`}>{t("followUps.record", { number: o.number })}</TextLink>
          </p>
        </Card>
      ))}
    </ul>
  );
}
