"use client";
// Bulk import in three steps: choose what and where, check the file (the dry run lists every
// row's problems), then commit exactly the file that was checked. The upload shows real
// progress; the server's work (a few seconds for 10,000 rows) shows a working state with the
// elapsed time. Nothing is written until the commit, and the commit is all or nothing.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ImportResponse, ProblemLine } from "../import-response";
import type { ImportSummary } from "@/domain/admin/import/types";
import type { Slip } from "@/domain/admin/one-time-passwords";
import type { SlipsFile } from "../slips-file";
import { buttonClass, controlClass } from "./form";
import { OneTimeSlips } from "./one-time-slips";

const kinds = ["courtyards", "buildings", "residents"] as const;
type Kind = (typeof kinds)[number];
const MAX_BYTES = 5 * 1024 * 1024;
const SHOWN_PROBLEMS = 200;

type Phase =
  | { name: "idle" }
  | { name: "sending"; mode: "check" | "commit"; percent: number }
  | { name: "processing"; mode: "check" | "commit"; started: number }
  | { name: "checked"; digest: string; summary: ImportSummary; problems: ProblemLine[] }
  | { name: "committed"; changed: boolean; summary: ImportSummary; slips: Slip[]; slipsFile: SlipsFile | null }
  | { name: "failed"; error: string; problems?: ProblemLine[] };

/** Spreadsheet programs run cells starting with = + - @ as formulas: neutralised. */
const safeCell = (value: string | number) => {
  const text = String(value);
  const neutral = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
};

export function ImportPanel({ communities }: { communities: { id: string; label: string }[] }) {
  const t = useTranslations("adminImport");
  const ids = useId();
  const [kind, setKind] = useState<Kind>("residents");
  const [communityId, setCommunityId] = useState(communities.length === 1 ? communities[0].id : "");
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [now, setNow] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const busy = phase.name === "sending" || phase.name === "processing";

  useEffect(() => {
    if (phase.name !== "processing") return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [phase.name]);

  useEffect(() => {
    if (phase.name === "checked" || phase.name === "committed" || phase.name === "failed") resultRef.current?.focus();
  }, [phase.name]);

  const reset = () => setPhase({ name: "idle" });

  function send(mode: "check" | "commit", digest = "") {
    if (!communityId) return setPhase({ name: "failed", error: t("errors.chooseCommunity") });
    if (!file) return setPhase({ name: "failed", error: t("errors.noFile") });
    if (file.size > MAX_BYTES) return setPhase({ name: "failed", error: t("errors.tooLarge") });
    const form = new FormData();
    form.set("kind", kind);
    form.set("communityId", communityId);
    form.set("mode", mode);
    form.set("digest", digest);
    form.set("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/admin/import");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ name: "sending", mode, percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => {
      setNow(Date.now());
      setPhase({ name: "processing", mode, started: Date.now() });
    };
    xhr.onload = () => {
      const body = xhr.response as ImportResponse | null;
      if (!body) return setPhase({ name: "failed", error: t("errors.failed") });
      if (!body.ok) return setPhase({ name: "failed", error: body.error, problems: body.problems });
      if (body.mode === "check") setPhase({ name: "checked", digest: body.digest, summary: body.summary, problems: body.problems });
      else setPhase({ name: "committed", changed: body.changed, summary: body.summary, slips: body.slips, slipsFile: body.slipsFile });
    };
    xhr.onerror = () => setPhase({ name: "failed", error: t("errors.network") });
    setPhase({ name: "sending", mode, percent: 0 });
    xhr.send(form);
  }

  function downloadProblems(problems: ProblemLine[]) {
    const lines = [[t("table.line"), t("table.column"), t("table.problem")], ...problems.map((p) => [p.line, p.column, p.message])];
    const csv = `\uFEFF${lines.map((l) => l.map(safeCell).join(",")).join("\r\n")}\r\n`;
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = t("problemsFile");
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const summaryText = (s: ImportSummary) =>
    t("summary", { rows: s.rows, created: s.created, updated: s.updated, unchanged: s.unchanged }) + (kind === "residents" && s.newAccounts > 0 ? t("summaryAccounts", { count: s.newAccounts }) : "");

  return (
    <div className="space-y-6">
      <fieldset className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-gray-200" disabled={busy}>
        <legend className="px-1 text-lg font-semibold">{t("step1")}</legend>
        <p className="text-gray-700">{t("order")}</p>
        <div className="grid gap-2 sm:grid-cols-3">
          {kinds.map((k) => (
            <label key={k} className={`flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border p-3 ${kind === k ? "border-2 border-brand-700 bg-red-50" : "border-gray-300"}`}>
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  reset();
                }}
                className="mt-1 h-6 w-6 shrink-0 accent-brand-700"
              />
              <span>
                <span className="block font-semibold">{t(`kinds.${k}.title`)}</span>
                <span className="block text-base text-gray-700">{t(`kinds.${k}.body`)}</span>
              </span>
            </label>
          ))}
        </div>
        <p className="flex flex-wrap items-center gap-2">
          <span>{t("templates")}</span>
          <a href={`/api/admin/import/template?kind=${kind}&format=xlsx`} className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700 underline underline-offset-4 ring-1 ring-gray-300" download>
            {t("templateXlsx", { kind: t(`kinds.${kind}.title`) })}
          </a>
          <a href={`/api/admin/import/template?kind=${kind}&format=csv`} className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700 underline underline-offset-4 ring-1 ring-gray-300" download>
            {t("templateCsv", { kind: t(`kinds.${kind}.title`) })}
          </a>
        </p>
      </fieldset>

      <fieldset className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-gray-200" disabled={busy}>
        <legend className="px-1 text-lg font-semibold">{t("step2")}</legend>
        <div className="space-y-1">
          <label htmlFor={`${ids}-community`} className="block font-medium">
            {t("community")}
          </label>
          <select
            id={`${ids}-community`}
            value={communityId}
            onChange={(e) => {
              setCommunityId(e.target.value);
              reset();
            }}
            className={controlClass}
          >
            {communities.length !== 1 && <option value="">{t("chooseCommunity")}</option>}
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${ids}-file`} className="block font-medium">
            {t("file")}
          </label>
          <input
            id={`${ids}-file`}
            ref={fileInput}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${ids}-file-hint`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
            className="block min-h-12 w-full rounded-lg border border-gray-500 bg-white p-2 text-lg file:mr-3 file:min-h-10 file:rounded-md file:border-0 file:bg-gray-200 file:px-3"
          />
          <p id={`${ids}-file-hint`} className="text-gray-700">
            {t("fileHint")}
          </p>
        </div>
        <button type="button" onClick={() => send("check")} disabled={busy} className={buttonClass.primary}>
          {t("check")}
        </button>
      </fieldset>

      <div aria-live="polite" className="space-y-2">
        {phase.name === "sending" && (
          <div className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
            <label htmlFor={`${ids}-progress`} className="block font-medium">
              {t("uploading", { percent: phase.percent })}
            </label>
            <progress id={`${ids}-progress`} max={100} value={phase.percent} className="h-4 w-full accent-brand-700" />
          </div>
        )}
        {phase.name === "processing" && (
          <div className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
            <label htmlFor={`${ids}-working`} className="block font-medium">
              {t(phase.mode === "check" ? "checking" : "committing", { seconds: Math.max(0, Math.floor((now - phase.started) / 1000)) })}
            </label>
            <progress id={`${ids}-working`} className="h-4 w-full accent-brand-700" />
          </div>
        )}
      </div>

      <div ref={resultRef} tabIndex={-1} className="space-y-4 outline-none">
        {phase.name === "failed" && (
          <div role="alert" aria-label={t("failedLabel")} className="space-y-2 rounded-xl border-2 border-red-700 bg-red-50 p-4 text-red-950">
            <p className="font-semibold">
              <span aria-hidden="true">⚠ </span>
              {phase.error}
            </p>
            <p>{t("nothingImported")}</p>
          </div>
        )}
        {phase.name === "checked" && (
          <section aria-labelledby={`${ids}-report`} className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-gray-200">
            <h2 id={`${ids}-report`} className="text-xl font-semibold">
              {t("reportTitle")}
            </h2>
            <p>{summaryText(phase.summary)}</p>
            {phase.problems.length > 0 ? (
              <p className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-medium text-red-950">{t("hasProblems", { count: phase.problems.length })}</p>
            ) : phase.summary.created + phase.summary.updated > 0 ? (
              <div className="space-y-3">
                <p className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">{t("noProblems")}</p>
                <button type="button" onClick={() => send("commit", phase.digest)} className={buttonClass.primary}>
                  {t("commit", { count: phase.summary.created + phase.summary.updated })}
                </button>
              </div>
            ) : (
              <p className="rounded-lg bg-gray-100 p-3">{t("nothingToDo")}</p>
            )}
          </section>
        )}
        {phase.name === "committed" && (
          <section aria-labelledby={`${ids}-done`} className="space-y-3 rounded-xl border-2 border-green-700 bg-green-50 p-4 text-green-950">
            <h2 id={`${ids}-done`} className="text-xl font-semibold">
              {phase.changed ? t("doneTitle") : t("nothingToDo")}
            </h2>
            <p>{summaryText(phase.summary)}</p>
            <OneTimeSlips slips={phase.slips} file={phase.slipsFile} />
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                setFile(null);
                if (fileInput.current) fileInput.current.value = "";
                reset();
              }}
            >
              {t("another")}
            </button>
          </section>
        )}
        {(phase.name === "checked" || phase.name === "failed") && phase.problems && phase.problems.length > 0 && (
          <ProblemTable problems={phase.problems} onDownload={() => downloadProblems(phase.problems!)} />
        )}
      </div>
    </div>
  );
}

function ProblemTable({ problems, onDownload }: { problems: ProblemLine[]; onDownload: () => void }) {
  const t = useTranslations("adminImport");
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200">
        <table className="w-full text-left">
          <caption className="p-3 text-left font-semibold">{t("table.caption", { count: problems.length })}</caption>
          <thead className="bg-gray-100">
            <tr>
              <th scope="col" className="whitespace-nowrap px-3 py-2">
                {t("table.line")}
              </th>
              <th scope="col" className="whitespace-nowrap px-3 py-2">
                {t("table.column")}
              </th>
              <th scope="col" className="whitespace-nowrap px-3 py-2">
                {t("table.problem")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={i} className="border-t border-gray-200">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{p.line}</td>
                <td className="px-3 py-2">{p.column}</td>
                <td className="px-3 py-2">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > shown.length && <p className="text-gray-700">{t("table.more", { shown: shown.length, count: problems.length })}</p>}
      <button type="button" onClick={onDownload} className={buttonClass.secondary}>
        {t("downloadProblems")}
      </button>
    </div>
  );
}
