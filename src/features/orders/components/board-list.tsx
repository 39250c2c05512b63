"use client";
// 院落公示: the courtyard's public orders, anonymised by the query (no name, phone or room;
// none may be added here). Neighbours say 同需 ("me too") once per order.
import { useActionState, useId } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form";
import type { ActionResult } from "@/server/action";
import { meTooAction } from "@/features/orders/actions";
import type { BoardItem } from "@/features/orders/queries";
import { StatusBadge } from "./status-badge";

function MeTooButton({ orderId }: { orderId: string }) {
  const t = useTranslations("orderPage.board");
  const tPage = useTranslations("orderPage");
  const tUi = useTranslations("ui");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(
    (previous, form) => meTooAction(previous, form).catch((): ActionResult => ({ ok: false, error: tPage("networkError") })),
    null,
  );
  if (state?.ok) {
    return (
      <p role="status" className="inline-flex min-h-11 items-center font-semibold text-green-900">
        <span aria-hidden="true">✓&nbsp;</span>
        {t("meTooDone")}
      </p>
    );
  }
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <Button type="submit" tone="brandOutline" disabled={pending}>
        {pending ? tUi("submitting") : t("meToo")}
      </Button>
      <FormAlert label={t("resultLabel")} message={state && !state.ok ? state.error : null} />
    </form>
  );
}

function BoardCard({ item }: { item: BoardItem }) {
  const t = useTranslations("orderPage.board");
  const tOrders = useTranslations("orders");
  const format = useFormatter();
  const locale = useLocale();
  const titleId = useId();
  return (
    <Card as="article" aria-labelledby={titleId}>
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={item.status} />
        <span className="text-gray-700">{tOrders("number", { number: item.number })}</span>
        {item.mine && <Badge>{t("mine")}</Badge>}
      </p>
      <h2 id={titleId} className="mt-2 text-xl font-bold">
        {item.title}
      </h2>
      <p className="text-gray-700">
        {locale === "en" ? item.category.en : item.category.zh} · {item.courtyard} ·{" "}
        <time dateTime={new Date(item.createdAt).toISOString()}>{format.dateTime(new Date(item.createdAt), { dateStyle: "medium" })}</time>
      </p>
      <p className="mt-2 whitespace-pre-wrap break-words">{item.description}</p>
      <p className="mt-2 font-medium">{t("meTooCount", { count: item.meTooCount })}</p>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {item.canMeToo ? (
          <MeTooButton orderId={item.id} />
        ) : (
          item.meTooByMe && (
            <p className="inline-flex min-h-11 items-center font-semibold text-green-900">
              <span aria-hidden="true">✓&nbsp;</span>
              {t("meTooDone")}
            </p>
          )
        )}
        <ButtonLink href={`/orders/${item.id}`} tone="secondary">
          {t("view")}
        </ButtonLink>
      </div>
    </Card>
  );
}

export function BoardList({ items }: { items: BoardItem[] }) {
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id}>
          <BoardCard item={item} />
        </li>
      ))}
    </ul>
  );
}
