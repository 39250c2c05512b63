// The order page's read-only parts: heading, facts, requester, description, dispatch plans
// and ratings. Renders only what the OrderDetail DTO carries: the query decides what the
// reader may see (a neighbour gets no requester, no building, no plans).
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, Section } from "@/components/ui/card";
import { linkClass, TextLink } from "@/components/ui/link";
import type { OrderDetail } from "@/features/orders/queries";
import { OverdueBadge, StatusBadge } from "../status-badge";
import { RevealPhone } from "@/features/staff/components/reveal-phone";

const closedStatuses = ["CLOSED", "DECLINED", "WITHDRAWN"];

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col sm:flex-row sm:gap-3">
      <dt className="shrink-0 text-gray-700 sm:w-32">{term}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

export function OrderHeader({ order }: { order: OrderDetail }) {
  const t = useTranslations("orderPage.detail");
  const tOrders = useTranslations("orders");
  return (
    <header className="mb-5">
      <h1 className="text-2xl font-bold break-words">{order.title}</h1>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={order.status} />
        <OverdueBadge overdue={order.overdue} />
        <span className="text-gray-800">{tOrders("number", { number: order.number })}</span>
        {order.awaitingMeeting && <Badge tone="amber">{tOrders("awaitingMeeting")}</Badge>}
      </p>
      {order.mergedInto?.id && (
        <p className="mt-3">
          <TextLink href={`/orders/${order.mergedInto.id}`}>{t("mergedInto", { number: order.mergedInto.number })}</TextLink>
        </p>
      )}
    </header>
  );
}

/**
 * The order this one was merged into, for a reader who may not open it: its number, status
 * and steps, nothing anyone wrote (the query sends nothing more).
 */
export function MergedProgress({ merged }: { merged: NonNullable<OrderDetail["mergedInto"]> }) {
  const t = useTranslations("orderPage.detail");
  const tEvent = useTranslations("orderPage.events");
  const tStatus = useTranslations("orders.status");
  const format = useFormatter();
  if (merged.visible) return null;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Card as="section" tone="emphasis" aria-labelledby="order-merged" className="mb-5">
      <h2 id="order-merged" className="mb-2 text-xl font-bold">
        {t("mergedTitle", { number: merged.number })}
      </h2>
      <p className="mb-3 text-gray-800">{t("mergedExplain", { number: merged.number })}</p>
      <dl className="mb-3 space-y-2">
        <Fact term={t("mergedStatus")}>
          <StatusBadge status={merged.status} />
        </Fact>
        {merged.dueAt && (
          <Fact term={t("dueAt")}>
            <time dateTime={merged.dueAt.toISOString()}>{when(merged.dueAt)}</time>
          </Fact>
        )}
      </dl>
      {merged.progress.length > 0 && (
        <ol aria-label={t("mergedSteps")} className="space-y-1 border-l-4 border-gray-300 pl-4">
          {merged.progress.map((step) => (
            <li key={step.key}>
              <span className="font-semibold">{tEvent(step.type)}</span>
              {step.to && step.from !== step.to && <span className="text-gray-800"> · {tStatus(step.to)}</span>}
              {" · "}
              <time dateTime={step.at.toISOString()} className="text-gray-700">
                {when(step.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

export function OrderFacts({ order }: { order: OrderDetail }) {
  const t = useTranslations("orderPage.detail");
  const tForm = useTranslations("orderPage.form");
  const format = useFormatter();
  const locale = useLocale();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Card as="section" aria-labelledby="order-facts" className="mb-5">
      <h2 id="order-facts" className="sr-only">
        {t("facts")}
      </h2>
      <dl className="space-y-2">
        <Fact term={t("category")}>{locale === "en" ? order.category.en : order.category.zh}</Fact>
        <Fact term={t("courtyard")}>{[order.courtyard, order.building].filter(Boolean).join(" ")}</Fact>
        <Fact term={t("createdAt")}>
          <time dateTime={order.createdAt.toISOString()}>{when(order.createdAt)}</time>
        </Fact>
        {!closedStatuses.includes(order.status) && (
          <Fact term={t("dueAt")}>
            <time dateTime={order.dueAt.toISOString()}>{when(order.dueAt)}</time>
          </Fact>
        )}
        {order.contactPreference && <Fact term={t("contactPreference")}>{tForm(`contact${order.contactPreference}`)}</Fact>}
        {order.isPublic && <Fact term={t("board")}>{order.boardHidden ? t("boardHidden") : t("boardShown")}</Fact>}
        {order.meTooCount > 0 && <Fact term={t("meToo")}>{t("meTooCount", { count: order.meTooCount })}</Fact>}
        {order.closeReason && <Fact term={t("closeReasonLabel")}>{t(`closeReason.${order.closeReason}`)}</Fact>}
      </dl>
      {order.awaitingMeeting && <p className="mt-3 text-gray-800">{t("awaitingMeeting")}</p>}
    </Card>
  );
}

export function RequesterBlock({ orderId, requester }: { orderId: string; requester: NonNullable<OrderDetail["requester"]> }) {
  const t = useTranslations("orderPage.detail");
  const masked = requester.phone.includes("*");
  return (
    <Card as="section" aria-labelledby="order-requester" className="mb-5">
      <h2 id="order-requester" className="mb-2 text-xl font-bold">
        {t("requester")}
      </h2>
      <dl className="space-y-2">
        <Fact term={t("name")}>{requester.name}</Fact>
        <Fact term={t("phone")}>
          {masked && requester.canReveal ? (
            <RevealPhone orderId={orderId} masked={requester.phone} name={requester.name} />
          ) : masked ? (
            requester.phone
          ) : (
            <a href={`tel:${requester.phone}`} className={linkClass}>
              {requester.phone}
            </a>
          )}
        </Fact>
        {requester.room && <Fact term={t("room")}>{requester.room}</Fact>}
      </dl>
    </Card>
  );
}

export function OrderDescription({ description }: { description: string }) {
  const t = useTranslations("orderPage.detail");
  return (
    <Section id="order-description" title={t("description")}>
      <Card as="div" className="whitespace-pre-wrap break-words text-lg">
        {description}
      </Card>
    </Section>
  );
}

export function DispatchPlans({ dispatches }: { dispatches: OrderDetail["dispatches"] }) {
  const t = useTranslations("orderPage.detail");
  const format = useFormatter();
  if (dispatches.length === 0) return null;
  return (
    <Section id="order-dispatches" title={t("dispatches")}>
      <ul className="space-y-3">
        {dispatches.map((d, i) => (
          <Card as="li" key={i}>
            <dl className="space-y-2">
              <Fact term={t("plan")}>
                <span className="whitespace-pre-wrap break-words">{d.plan}</span>
              </Fact>
              <Fact term={t("assignees")}>
                {d.assignees
                  .map((a) => (t.has(`assigneeKind.${a.kind}`) ? t("assignee", { name: a.name, kind: t(`assigneeKind.${a.kind}`) }) : a.name))
                  .join(t("listSeparator"))}
              </Fact>
              <Fact term={t("dispatchDue")}>
                <time dateTime={d.dueAt.toISOString()}>{format.dateTime(d.dueAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </Fact>
              <Fact term={t("dispatchedAt")}>
                <time dateTime={d.createdAt.toISOString()}>{format.dateTime(d.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </Fact>
            </dl>
          </Card>
        ))}
      </ul>
    </Section>
  );
}

const dimensions = ["goal", "timing", "form", "conduct"] as const;

export function Ratings({ ratings, mine }: { ratings: OrderDetail["ratings"]; mine: boolean }) {
  const t = useTranslations("orderPage.detail");
  const tRating = useTranslations("orderPage.rating");
  const format = useFormatter();
  if (ratings.length === 0) return null;
  return (
    <Section id="order-ratings" title={t("ratings")}>
      <ul className="space-y-3">
        {ratings.map((r, i) => (
          <Card as="li" key={i}>
            <p className="mb-2 font-semibold">
              {r.isRequester ? (mine ? t("raterMine") : t("raterRequester")) : t("raterNeighbour")}
              {" · "}
              <time dateTime={r.createdAt.toISOString()} className="font-normal text-gray-700">
                {format.dateTime(r.createdAt, { dateStyle: "medium" })}
              </time>
            </p>
            <dl className="space-y-1">
              {dimensions.map((d) => (
                <Fact key={d} term={tRating(d)}>
                  {tRating(`score${r[d]}` as "score5")}
                </Fact>
              ))}
              {r.comment && (
                <Fact term={t("comment")}>
                  <span className="whitespace-pre-wrap break-words">{r.comment}</span>
                </Fact>
              )}
            </dl>
          </Card>
        ))}
      </ul>
    </Section>
  );
}
