"use client";
// Bulk import in three steps: choose what and where, check the file (the dry run lists every
// row's problems), then commit exactly the file that was checked. The upload shows real
// progress; the server's work (a few seconds for 10,000 rows) shows a working state with the
// elapsed time. Nothing is written until the commit, and the commit is all or nothing.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, cardClass } from "@/components/ui/card";
import { Choice, SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Table, Td, Th } from "@/components/ui/table";
import type { ImportResponse, ProblemLine } from "../import-response";
import type { ImportSummary } from "@/domain/admin/import/types";
import type { Slip } from "@/domain/admin/one-time-passwords";
import type { SlipsFile } from "../slips-file";
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
    t("summary", { rows: s.rows, created: s.created, updated: s.updated, unchanged: s.unchanged }) +
    (kind === "residents" && s.newAccounts > 0 ? t("summaryAccounts", { count: s.newAccounts }) : "");

  return (
    <div className="space-y-6">
      <fieldset className={`${cardClass()} space-y-2`} disabled={busy}>
        <legend className="px-1 text-lg font-semibold">{t("step1")}</legend>
        <p className="text-gray-700">{t("order")}</p>
        <div className="grid gap-2 sm:grid-cols-3">
          {kinds.map((k) => (
            <Choice
              key={k}
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                reset();
              }}
              label={
                <>
                  <span className="block font-semibold">{t(`kinds.${k}.title`)}</span>
                  <span className="block text-base text-gray-700">{t(`kinds.${k}.body`)}</span>
                </>
              }
            />
          ))}
        </div>
        <p className="flex flex-wrap items-center gap-2">
          <span>{t("templates")}</span>
          <a href={`/api/admin/import/template?kind=${kind}&format=xlsx`} className={buttonClass({ tone: "secondary", size: "sm" })} download>
            {t("templateXlsx", { kind: t(`kinds.${kind}.title`) })}
          </a>
          <a href={`/api/admin/import/template?kind=${kind}&format=csv`} className={buttonClass({ tone: "secondary", size: "sm" })} download>
            {t("templateCsv", { kind: t(`kinds.${kind}.title`) })}
          </a>
        </p>
      </fieldset>

      <fieldset className={`${cardClass()} space-y-4`} disabled={busy}>
        <legend className="px-1 text-lg font-semibold">{t("step2")}</legend>
        <SelectField
          label={t("community")}
          value={communityId}
          onChange={(e) => {
            setCommunityId(e.target.value);
            reset();
          }}
          placeholder={communities.length !== 1 ? t("chooseCommunity") : undefined}
          options={communities.map((c) => ({ value: c.id, label: c.label }))}
        />
        <TextField
          label={t("file")}
          hint={t("fileHint")}
          ref={fileInput}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            reset();
          }}
        />
        <Button onClick={() => send("check")} disabled={busy}>
          {t("check")}
        </Button>
      </fieldset>

      <div aria-live="polite" className="space-y-2">
        {phase.name === "sending" && (
          <Card>
            <label htmlFor={`${ids}-progress`} className="block font-medium">
              {t("uploading", { percent: phase.percent })}
            </label>
            <progress id={`${ids}-progress`} max={100} value={phase.percent} className="h-4 w-full accent-brand-700" />
          </Card>
        )}
        {phase.name === "processing" && (
          <Card>
            <label htmlFor={`${ids}-working`} className="block font-medium">
              {t(phase.mode === "check" ? "checking" : "committing", { seconds: Math.max(0, Math.floor((now - phase.started) / 1000)) })}
            </label>
            <progress id={`${ids}-working`} className="h-4 w-full accent-brand-700" />
          </Card>
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
          <Card as="section" aria-labelledby={`${ids}-report`} className="space-y-3">
            <h2 id={`${ids}-report`} className="text-xl font-semibold">
              {t("reportTitle")}
            </h2>
            <p>{summaryText(phase.summary)}</p>
            {phase.problems.length > 0 ? (
              <Notice tone="error">{t("hasProblems", { count: phase.problems.length })}</Notice>
            ) : phase.summary.created + phase.summary.updated > 0 ? (
              <div className="space-y-3">
                <Notice tone="success">{t("noProblems")}</Notice>
                <Button onClick={() => send("commit", phase.digest)}>{t("commit", { count: phase.summary.created + phase.summary.updated })}</Button>
              </div>
            ) : (
              <Notice tone="plain">{t("nothingToDo")}</Notice>
            )}
          </Card>
        )}
        {phase.name === "committed" && (
          <section aria-labelledby={`${ids}-done`} className="space-y-3 rounded-xl border-2 border-green-700 bg-green-50 p-4 text-green-950">
            <h2 id={`${ids}-done`} className="text-xl font-semibold">
              {phase.changed ? t("doneTitle") : t("nothingToDo")}
            </h2>
            <p>{summaryText(phase.summary)}</p>
            <OneTimeSlips slips={phase.slips} file={phase.slipsFile} />
            <Button
              tone="secondary"
              onClick={() => {
                setFile(null);
                if (fileInput.current) fileInput.current.value = "";
                reset();
              }}
            >
              {t("another")}
            </Button>
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
      <Table label={t("table.caption", { count: problems.length })} caption="shown">
        <thead>
          <tr>
            <Th nowrap>{t("table.line")}</Th>
            <Th nowrap>{t("table.column")}</Th>
            <Th nowrap>{t("table.problem")}</Th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            <tr key={i}>
              <Td nowrap className="tabular-nums">
                {p.line}
              </Td>
              <Td>{p.column}</Td>
              <Td>{p.message}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {problems.length > shown.length && <p className="text-gray-700">{t("table.more", { shown: shown.length, count: problems.length })}</p>}
      <Button tone="secondary" onClick={onDownload}>
        {t("downloadProblems")}
      </Button>
    </div>
  );
}
