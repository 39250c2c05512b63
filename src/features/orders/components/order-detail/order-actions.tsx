"use client";
// The commands the reader may use on this order now, as the registry offers them
// (src/domain/orders/registry.ts, in its order: the usual next step first, destructive ones
// last): 接单 at once, the others behind a button that reveals their form, one form at a
// time; 评价 as its own section. A row's `button.panel` says which form opens; its labels are
// orderPage.actions.<command>, <command>Note and <command>Submit. After a command the form
// closes, "已保存" is announced and the page refreshes.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Choice, ChoiceGroup, SelectField, TextAreaField, TextField, type FieldErrors } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { OrderCommand } from "@/domain/orders/registry";
import type { OrderAction } from "@/features/orders/queries";
import type { OrderStatus } from "@/generated/prisma/enums";
import { PhotoPicker } from "@/features/photos/photo-picker";
import { CommandForm } from "./command-form";
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
            <GridSelect label={t("transferGrid")} options={transferTargets} none={t("transferNone")} />
            <TextAreaField label={t("transferNote")} name="note" required />
          </CommandForm>
        );
      case "merge":
        return (
          <CommandForm {...common} command={command} submitLabel={t("mergeSubmit")}>
            <TextField label={t("mergeTarget")} name="targetNumber" type="number" inputMode="numeric" min="1" required hint={t("mergeTargetHint")} />
            <TextAreaField label={t("mergeNote")} name="note" />
          </CommandForm>
        );
      case "withdraw":
        return (
          <CommandForm {...common} command={command} submitLabel={t("withdrawSubmit")} tone="danger">
            <Notice tone="error" id={`${baseId}-withdraw-confirm`} className="text-lg">
              {t("withdrawConfirm")}
            </Notice>
            <TextAreaField label={t("withdrawNote")} name="note" rows={3} describedById={`${baseId}-withdraw-confirm`} />
          </CommandForm>
        );
      case "dispatch":
        return <DispatchForm {...common} command={command} workers={workers} volunteers={volunteers} minDueDate={minDueDate} />;
    }
  }

  return (
    <div className="mb-5 space-y-4">
      <Notice ref={statusRef} tone="success" sign={saved} role="status" tabIndex={-1} className={saved ? "text-lg" : "sr-only"}>
        {saved && t("saved")}
      </Notice>

      {(immediate.length > 0 || revealed.length > 0) && (
        <Card as="section" tone="emphasis" aria-labelledby={`${baseId}-title`}>
          <h2 id={`${baseId}-title`} className="mb-3 text-xl font-bold">
            {t("title")}
          </h2>
          <div className="flex flex-wrap items-start gap-3">
            {immediate.map(({ command }) => (
              <CommandForm key={command} orderId={orderId} command={command} submitLabel={t(command)} onDone={done} />
            ))}
            {revealed.map(({ command: c }) => (
              <Button
                key={c}
                ref={(el) => {
                  if (el) triggers.current.set(c, el);
                  else triggers.current.delete(c);
                }}
                tone={danger(c) ? "dangerOutline" : "secondary"}
                aria-expanded={currentCommand === c}
                aria-controls={currentCommand === c ? panelId : undefined}
                onClick={() => toggle(c)}
              >
                {label(c)}
                <span aria-hidden="true" className="text-base">
                  {currentCommand === c ? "▲" : "▼"}
                </span>
              </Button>
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
        </Card>
      )}

      {rating && <RatingForm orderId={orderId} command={rating.command as "rate" | "rateAsNeighbour"} onDone={done} />}
    </div>
  );
}

type Common = { orderId: string; onDone: () => void; onCancel: () => void };

function NoteOnly({
  command,
  noteLabel,
  submitLabel,
  tone,
  ...common
}: Common & { command: OrderCommand; noteLabel: string; submitLabel: string; tone: "primary" | "danger" }) {
  return (
    <CommandForm {...common} command={command} submitLabel={submitLabel} tone={tone}>
      <TextAreaField label={noteLabel} name="note" required />
    </CommandForm>
  );
}

function NoteWithPhotos({ command, noteLabel, submitLabel, ...common }: Common & { command: OrderCommand; noteLabel: string; submitLabel: string }) {
  const t = useTranslations("orderPage.actions");
  return (
    <CommandForm {...common} command={command} submitLabel={submitLabel}>
      <TextAreaField label={noteLabel} name="note" required />
      <PhotoPicker label={t("photos")} max={6} />
    </CommandForm>
  );
}

function GridSelect({ label, options, none }: { label: string; options: Option[]; none: string }) {
  const t = useTranslations("orderPage.form");
  return (
    <SelectField
      label={label}
      name="gridId"
      required
      hint={options.length === 0 ? none : undefined}
      placeholder={t("categoryPlaceholder")}
      options={options.map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}

function DispatchForm({
  command,
  workers,
  volunteers,
  minDueDate,
  ...common
}: Common & { command: OrderCommand; workers: Option[]; volunteers: VolunteerOption[]; minDueDate: string }) {
  const t = useTranslations("orderPage.actions");
  const prepare = (form: FormData) => {
    splitOn(form, "outsideNames", /[,，、;；\n]+/);
  };
  // The server names each assignee by its place in the list; the form asks for them by kind.
  const fieldErrors = (e: FieldErrors) => ({
    workerIds: firstMatching(e, /^assignees(\.\d+\.(userId|kind))?$/),
    outsideNames: firstMatching(e, /^assignees\.\d+\.name$/),
  });
  return (
    <CommandForm {...common} command={command} submitLabel={t("dispatchSubmit")} prepare={prepare} fieldErrors={fieldErrors}>
      <TextAreaField label={t("dispatchPlan")} name="plan" required />
      <ChoiceGroup legend={t("dispatchWorkers")} name="workerIds" note={workers.length === 0 ? t("dispatchNoWorkers") : undefined}>
        {workers.length > 0 && workers.map((w) => <Choice key={w.id} type="checkbox" name="workerIds" value={w.id} label={w.name} />)}
      </ChoiceGroup>
      <VolunteerPicker orderId={common.orderId} initial={volunteers} />
      <TextField label={t("dispatchOutside")} name="outsideNames" placeholder={t("dispatchOutsidePlaceholder")} hint={t("dispatchOutsideHint")} />
      <TextField label={t("dispatchDue")} name="dueAt" type="date" min={minDueDate} required hint={t("dispatchDueHint")} />
    </CommandForm>
  );
}
