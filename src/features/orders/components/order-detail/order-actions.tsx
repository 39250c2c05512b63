"use client";
// The commands the reader may use on this order now, as the registry offers them
// (src/domain/orders/registry.ts, in its order: the usual next step first, destructive ones
// last): 接单 at once, the others behind a button that reveals their form, one form at a
// time; 评价 as its own section. A row's `button.panel` says which form opens; its labels are
// orderPage.actions.<command>, <command>Note and <command>Submit. After a command the form
// closes, "已保存" is announced and the page refreshes.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { OrderCommand } from "@/domain/orders/registry";
import type { OrderAction } from "@/features/orders/queries";
import type { OrderStatus } from "@/generated/prisma/enums";
import { PhotoPicker } from "@/features/photos/photo-picker";
import { CommandForm } from "./command-form";
import { describedBy, FieldError, InputField, inputClass, RequiredMark, TextAreaField, type FieldErrors } from "./fields";
import { RatingForm } from "./rating-form";
import { VolunteerPicker } from "./volunteer-picker";
import type { VolunteerOption } from "@/domain/orders/volunteers";

type Option = { id: string; name: string };

export type OrderActionsProps = {
  orderId: string;
  status: OrderStatus;
  actions: OrderAction[];
  transferTargets: Option[];
  workers: Option[];
  /** The community's first volunteers, before the secretary searches. */
  volunteers: VolunteerOption[];
  /** The earliest due date a dispatch may set, yyyy-mm-dd (tomorrow, in China time). */
  minDueDate: string;
};

const splitOn = (form: FormData, name: string, separators: RegExp) => {
  const values = form
    .getAll(name)
    .flatMap((v) => String(v).split(separators))
    .map((v) => v.trim())
    .filter(Boolean);
  form.delete(name);
  for (const v of values) form.append(name, v);
};

const firstMatching = (errors: FieldErrors, pattern: RegExp) => Object.entries(errors).find(([k]) => pattern.test(k))?.[1];

export function OrderActions({ orderId, status, actions, transferTargets, workers, volunteers, minDueDate }: OrderActionsProps) {
  const t = useTranslations("orderPage.actions");
  const baseId = useId();
  const [open, setOpen] = useState<OrderCommand | null>(null);
  const [saved, setSaved] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const triggers = useRef(new Map<OrderCommand, HTMLButtonElement>());
  const panelRef = useRef<HTMLDivElement>(null);

  const immediate = actions.filter((a) => a.panel === "none");
  const revealed = actions.filter((a) => a.panel !== "none" && a.panel !== "rating");
  const rating = actions.find((a) => a.panel === "rating");
  const current = revealed.find((a) => a.command === open) ?? null;
  const danger = (c: OrderCommand) => !!actions.find((a) => a.command === c)?.danger;

  const currentCommand = current?.command;
  useEffect(() => {
    if (currentCommand) panelRef.current?.focus();
  }, [currentCommand]);

  const done = () => {
    setOpen(null);
    setSaved(true);
    // The form that had focus is gone: hand focus to the confirmation.
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const toggle = (command: OrderCommand) => {
    setSaved(false);
    setOpen((o) => (o === command ? null : command));
  };
  const cancel = () => {
    const trigger = current ? triggers.current.get(current.command) : undefined;
    setOpen(null);
    trigger?.focus();
  };
  const label = (c: OrderCommand) => (c === "dispatch" && status === "IN_PROGRESS" ? t("redispatch") : t(c));
  const panelId = `${baseId}-panel`;
  const common = { orderId, onDone: done, onCancel: cancel };

  function panel({ command, panel: kind, danger: red }: OrderAction) {
    const tone = red ? "danger" : "primary";
    switch (kind) {
      case "note":
        return <NoteOnly {...common} command={command} tone={tone} noteLabel={t(`${command}Note`)} submitLabel={t(`${command}Submit`)} />;
      case "notePhotos":
        return <NoteWithPhotos {...common} command={command} noteLabel={t(`${command}Note`)} submitLabel={t(`${command}Submit`)} />;
      case "transfer":
        return (
          <CommandForm {...common} command={command} submitLabel={t("transferSubmit")}>
            {(e) => (
              <>
                <GridSelect label={t("transferGrid")} options={transferTargets} error={e.gridId} none={t("transferNone")} />
                <TextAreaField label={t("transferNote")} name="note" required error={e.note} />
              </>
            )}
          </CommandForm>
        );
      case "merge":
        return (
          <CommandForm {...common} command={command} submitLabel={t("mergeSubmit")}>
            {(e) => (
              <>
                <InputField label={t("mergeTarget")} name="targetNumber" type="number" inputMode="numeric" min="1" required hint={t("mergeTargetHint")} error={e.targetNumber} />
                <TextAreaField label={t("mergeNote")} name="note" error={e.note} />
              </>
            )}
          </CommandForm>
        );
      case "withdraw":
        return (
          <CommandForm {...common} command={command} submitLabel={t("withdrawSubmit")} tone="danger">
            {(e) => (
              <>
                <p id={`${baseId}-withdraw-confirm`} className="rounded-lg border-2 border-red-700 bg-red-50 p-3 text-lg font-semibold text-red-900">
                  <span aria-hidden="true">⚠ </span>
                  {t("withdrawConfirm")}
                </p>
                <TextAreaField label={t("withdrawNote")} name="note" rows={3} error={e.note} describedById={`${baseId}-withdraw-confirm`} />
              </>
            )}
          </CommandForm>
        );
      case "dispatch":
        return <DispatchForm {...common} command={command} workers={workers} volunteers={volunteers} minDueDate={minDueDate} />;
    }
  }

  return (
    <div className="mb-5 space-y-4">
      <p ref={statusRef} role="status" tabIndex={-1} className={saved ? "rounded-lg border-2 border-green-700 bg-green-50 p-3 text-lg font-semibold text-green-900" : "sr-only"}>
        {saved && (
          <>
            <span aria-hidden="true">✓ </span>
            {t("saved")}
          </>
        )}
      </p>

      {(immediate.length > 0 || revealed.length > 0) && (
        <section aria-labelledby={`${baseId}-title`} className="rounded-2xl bg-white p-3 ring-2 ring-brand-700/30 sm:p-4">
          <h2 id={`${baseId}-title`} className="mb-3 text-xl font-bold">
            {t("title")}
          </h2>
          <div className="flex flex-wrap items-start gap-3">
            {immediate.map(({ command }) => (
              <CommandForm key={command} orderId={orderId} command={command} submitLabel={t(command)} onDone={done} />
            ))}
            {revealed.map(({ command: c }) => (
              <button
                key={c}
                ref={(el) => {
                  if (el) triggers.current.set(c, el);
                  else triggers.current.delete(c);
                }}
                type="button"
                aria-expanded={currentCommand === c}
                aria-controls={currentCommand === c ? panelId : undefined}
                onClick={() => toggle(c)}
                className={`inline-flex min-h-12 items-center gap-2 rounded-lg border-2 px-4 text-lg font-semibold ${
                  danger(c) ? "border-red-700 text-red-800 hover:bg-red-50" : "border-gray-700 text-gray-900 hover:bg-gray-100"
                } ${currentCommand === c ? (danger(c) ? "bg-red-50" : "bg-gray-100") : "bg-white"}`}
              >
                {label(c)}
                <span aria-hidden="true" className="text-base">
                  {currentCommand === c ? "▲" : "▼"}
                </span>
              </button>
            ))}
          </div>
          {current && (
            <div
              ref={panelRef}
              id={panelId}
              role="group"
              aria-label={label(current.command)}
              aria-describedby={current.panel === "withdraw" ? `${baseId}-withdraw-confirm` : undefined}
              tabIndex={-1}
              className={`mt-4 rounded-xl border-2 p-3 sm:p-4 ${current.danger ? "border-red-300 bg-red-50/40" : "border-gray-300 bg-stone-50"}`}
            >
              {panel(current)}
            </div>
          )}
        </section>
      )}

      {rating && <RatingForm orderId={orderId} command={rating.command as "rate" | "rateAsNeighbour"} onDone={done} />}
    </div>
  );
}

type Common = { orderId: string; onDone: () => void; onCancel: () => void };

function NoteOnly({ command, noteLabel, submitLabel, tone, ...common }: Common & { command: OrderCommand; noteLabel: string; submitLabel: string; tone: "primary" | "danger" }) {
  return (
    <CommandForm {...common} command={command} submitLabel={submitLabel} tone={tone}>
      {(e) => <TextAreaField label={noteLabel} name="note" required error={e.note} />}
    </CommandForm>
  );
}

function NoteWithPhotos({ command, noteLabel, submitLabel, ...common }: Common & { command: OrderCommand; noteLabel: string; submitLabel: string }) {
  const t = useTranslations("orderPage.actions");
  return (
    <CommandForm {...common} command={command} submitLabel={submitLabel}>
      {(e) => (
        <>
          <TextAreaField label={noteLabel} name="note" required error={e.note} />
          <PhotoPicker label={t("photos")} max={6} />
          <FieldError id={`${command}-photos-error`} message={e.photoIds} />
        </>
      )}
    </CommandForm>
  );
}

function GridSelect({ label, options, error, none }: { label: string; options: Option[]; error?: string; none: string }) {
  const t = useTranslations("orderPage.form");
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
        <RequiredMark />
      </label>
      {options.length === 0 && (
        <p id={`${id}-none`} className="text-gray-800">
          {none}
        </p>
      )}
      <select
        id={id}
        name="gridId"
        required
        defaultValue=""
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(options.length === 0 && `${id}-none`, error && `${id}-error`)}
        className={inputClass}
      >
        <option value="">{t("categoryPlaceholder")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function DispatchForm({ command, workers, volunteers, minDueDate, ...common }: Common & { command: OrderCommand; workers: Option[]; volunteers: VolunteerOption[]; minDueDate: string }) {
  const t = useTranslations("orderPage.actions");
  const id = useId();
  const prepare = (form: FormData) => {
    splitOn(form, "outsideNames", /[,，、;；\n]+/);
  };
  return (
    <CommandForm {...common} command={command} submitLabel={t("dispatchSubmit")} prepare={prepare}>
      {(e) => {
        const workerError = firstMatching(e, /^assignees(\.\d+\.(userId|kind))?$/);
        return (
          <>
            <TextAreaField label={t("dispatchPlan")} name="plan" required error={e.plan} />
            <fieldset className="space-y-2" aria-describedby={describedBy(workers.length === 0 && `${id}-none`, workerError && `${id}-workers-error`)}>
              <legend className="mb-1 font-medium">{t("dispatchWorkers")}</legend>
              {workers.length === 0 ? (
                <p id={`${id}-none`} className="text-gray-800">
                  {t("dispatchNoWorkers")}
                </p>
              ) : (
                <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
                  {workers.map((w) => (
                    <label
                      key={w.id}
                      className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-gray-400 bg-white px-3 py-2 has-[:checked]:border-2 has-[:checked]:border-brand-700"
                    >
                      <input type="checkbox" name="workerIds" value={w.id} aria-invalid={workerError ? true : undefined} className="h-6 w-6 shrink-0 accent-brand-700" />
                      <span>{w.name}</span>
                    </label>
                  ))}
                </div>
              )}
              <FieldError id={`${id}-workers-error`} message={workerError} />
            </fieldset>
            <VolunteerPicker orderId={common.orderId} initial={volunteers} />
            <InputField
              label={t("dispatchOutside")}
              name="outsideNames"
              placeholder={t("dispatchOutsidePlaceholder")}
              hint={t("dispatchOutsideHint")}
              error={firstMatching(e, /^assignees\.\d+\.name$/)}
            />
            <InputField label={t("dispatchDue")} name="dueAt" type="date" min={minDueDate} required hint={t("dispatchDueHint")} error={e.dueAt} />
          </>
        );
      }}
    </CommandForm>
  );
}
