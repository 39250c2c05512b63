"use client";
// One-time passwords as the administrator receives them, once: a preview of the slips, a
// button that prints all of them on A4 (ten to a page, cut along the dashed lines; the print
// stylesheet in globals.css hides everything else), and the .xlsx that came with them. The
// secrets live only in this page's memory: nothing on the server can show them again.
import { useId, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { Slip } from "@/domain/admin/one-time-passwords";
import type { SlipsFile } from "../slips-file";
import "./one-time-slips.css";

const PREVIEW = 4;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// The sign-in address as this browser sees it; none on the server, so the print sheet (a
// portal into document.body) appears only once the page runs in the browser.
const noSubscription = () => () => {};
const signInAddress = () => `${window.location.origin}/login`;
const noAddress = () => "";

function download(file: SlipsFile) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function OneTimeSlips({ slips, file }: { slips: Slip[]; file: SlipsFile | null | undefined }) {
  const t = useTranslations("oneTimePasswords");
  const format = useFormatter();
  const titleId = useId();
  const site = useSyncExternalStore(noSubscription, signInAddress, noAddress);
  if (slips.length === 0) return null;
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long", timeZone: "Asia/Shanghai" });
  const shown = slips.slice(0, PREVIEW);

  return (
    <section aria-labelledby={titleId} className="space-y-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4 text-amber-950">
      <h3 id={titleId} className="text-lg font-semibold">
        {t("title")}
      </h3>
      <p>{t("intro", { count: slips.length, date: date(slips[0].expiresAt) })}</p>
      <p>{t("handOut")}</p>
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => window.print()}>{t("print", { count: slips.length })}</Button>
        {file && (
          <Button tone="secondary" onClick={() => download(file)}>
            {t("download")}
          </Button>
        )}
      </div>
      <h4 className="font-semibold">{t("preview", { shown: shown.length, count: slips.length })}</h4>
      <ul className="grid gap-3 sm:grid-cols-2" data-testid="slip-preview">
        {shown.map((slip, i) => (
          <li key={i} className="rounded border border-dashed border-gray-600 bg-white p-3 text-gray-950">
            <SlipBody slip={slip} site={site} date={date} />
          </li>
        ))}
      </ul>
      {site && createPortal(<PrintSheet slips={slips} site={site} date={date} />, document.body)}
    </section>
  );
}

/** Every slip, for the printer only (`.print-sheet` is hidden on screen). */
function PrintSheet({ slips, site, date }: { slips: Slip[]; site: string; date: (iso: string) => string }) {
  return (
    <div className="print-sheet" aria-hidden="true" data-testid="print-sheet">
      {slips.map((slip, i) => (
        <div key={i} className="slip">
          <SlipBody slip={slip} site={site} date={date} />
        </div>
      ))}
    </div>
  );
}

function SlipBody({ slip, site, date }: { slip: Slip; site: string; date: (iso: string) => string }) {
  const t = useTranslations("oneTimePasswords.slip");
  return (
    <div className="space-y-1" data-testid="slip">
      <p className="font-semibold">{t("heading")}</p>
      <p>
        {t("name")}：<span data-slip="name">{slip.name}</span>　{t("phone")}：<span data-slip="phone">{slip.maskedPhone}</span>
      </p>
      {slip.place && (
        <p>
          {t("place")}：{slip.place}
        </p>
      )}
      <p>
        {t("password")}：
        <span className="whitespace-nowrap font-mono text-xl font-semibold tracking-wide" data-slip="password">
          {slip.password}
        </span>
      </p>
      <p>
        {t("expiresAt")}：{date(slip.expiresAt)}
      </p>
      <p className="text-sm">{t("howTo", { site })}</p>
      <p className="text-sm">{t("keep")}</p>
    </div>
  );
}
