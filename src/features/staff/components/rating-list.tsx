// The ratings, one card each: how poor (in words and an icon, not only colour), the order
// it belongs to (a link to its page and timeline), the four scores, the comment and whom to
// call — the number masked, with 显示号码 beside it.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/link";
import type { RatingRow } from "@/domain/metrics/ratings";
import { StatusBadge } from "@/features/orders/components/status-badge";
import { RevealPhone } from "./reveal-phone";

const dimensions = ["goal", "timing", "form", "conduct"] as const;

export function BandBadge({ minScore }: { minScore: number }) {
  const t = useTranslations("staffReview.ratings");
  const band = minScore <= 2 ? "poor" : minScore === 3 ? "neutral" : "satisfied";
  const tone = ({ poor: "alert", neutral: "amber", satisfied: "green" } as const)[band];
  const icon = { poor: "⚠", neutral: "●", satisfied: "✓" }[band];
  return (
    <Badge tone={tone} icon={icon}>
      {t(`badge.${band}`)} · {t("lowest", { score: minScore })}
    </Badge>
  );
}

export function RatingList({ items }: { items: RatingRow[] }) {
  const t = useTranslations("staffReview.ratings");
  const tScore = useTranslations("orderPage.rating");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <ul className="space-y-4">
      {items.map((r) => (
        <Card as="li" key={r.id} tone={r.minScore <= 2 ? "alert" : "plain"}>
          <p className="flex flex-wrap items-center gap-2">
            <BandBadge minScore={r.minScore} />
            <span className="font-medium">{r.isRequester ? t("raterRequester") : t("raterNeighbour")}</span>
            {r.round > 1 && <span className="text-gray-700">· {t("round", { round: r.round })}</span>}
            <StatusBadge status={r.status} />
          </p>
          <h3 className="mt-2 text-lg font-semibold">
            <TextLink href={`/orders/${r.orderId}`} className="break-all">
              {t("orderLink", { number: r.number, title: r.title })}
            </TextLink>
          </h3>
          <p className="text-gray-800">
            {locale === "en" ? r.category.en : r.category.zh} · {r.grid} · {r.courtyard} · {t("ratedAt")}{" "}
            <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
          </p>
          <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {dimensions.map((d) => (
              <div key={d} className="flex flex-wrap gap-x-2">
                <dt className="text-gray-700">{tScore(d)}</dt>
                <dd className={r[d] <= 2 ? "font-bold text-red-800" : "font-medium"}>
                  {r[d] <= 2 && <span aria-hidden="true">⚠ </span>}
                  {tScore(`score${r[d]}` as "score5")}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 whitespace-pre-wrap break-words">
            <span className="text-gray-700">{t("comment")}：</span>
            {r.comment || <span className="text-gray-700">{t("noComment")}</span>}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-x-3 border-t border-gray-200 pt-3">
            <span className="text-gray-700">{t("requester")}：</span>
            <span className="font-medium">{r.requester.name}</span>
            <RevealPhone orderId={r.orderId} masked={r.requester.maskedPhone} name={r.requester.name} />
          </div>
        </Card>
      ))}
    </ul>
  );
}
