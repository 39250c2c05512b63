"use client";
// 显示号码: the masked number with a button that asks the server for the full one. The
// server checks the staff member's scope and logs the look (revealPhoneAction); the number
// is shown only here, in place, and is gone on the next visit.
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { linkClass } from "@/components/ui/link";
import { revealPhoneAction } from "../actions";

export function RevealPhone({ orderId, masked, name }: { orderId: string; masked: string; name: string }) {
  const t = useTranslations("staffReview.reveal");
  const tErrors = useTranslations("errors");
  const id = useId();
  const [phone, setPhone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (phone) {
    return (
      <span className="inline-flex flex-wrap items-center gap-x-3">
        <a href={`tel:${phone}`} aria-label={t("call", { phone })} className={linkClass}>
          {phone}
        </a>
        <span role="status" className="text-base text-gray-700">
          {t("revealed")}
        </span>
      </span>
    );
  }

  const reveal = () =>
    startTransition(async () => {
      setError(null);
      const result = await revealPhoneAction(orderId).catch(() => null);
      if (result?.ok) setPhone(result.data.phone);
      else setError(result?.error ?? tErrors("generic"));
    });

  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className="tabular-nums">{masked}</span>
      <Button tone="secondary" size="sm" onClick={reveal} disabled={pending} aria-describedby={`${id}-note`}>
        {pending ? t("pending") : t("button")}
        <span className="sr-only">（{name}）</span>
      </Button>
      <span id={`${id}-note`} className="text-base text-gray-700">
        {t("note")}
      </span>
      {error && (
        <span role="alert" aria-label={t("button")} className="basis-full font-medium text-red-800">
          <span aria-hidden="true">⚠ </span>
          {error}
        </span>
      )}
    </span>
  );
}
