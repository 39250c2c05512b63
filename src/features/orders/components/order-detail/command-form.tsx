"use client";
// One command on an order, posted to orderCommandAction with the hidden orderId and
// command. The server checks scope and status again; its translated message comes back as
// the alert and, per field, next to the field (the kit's fields find theirs by name).
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FieldErrorsProvider, type FieldErrors } from "@/components/ui/field";
import { focusFirstProblem, FormAlert, SubmitButton, submitHandler } from "@/components/ui/form";
import { orderCommandAction, type OrderActionState } from "@/features/orders/actions";
import type { OrderCommand } from "@/domain/orders/registry";

export type CommandFormProps = {
  orderId: string;
  command: OrderCommand;
  submitLabel: string;
  tone?: "primary" | "danger";
  /** Called once when the server accepted the command. */
  onDone: () => void;
  /** Shows a 取消 button next to the submit button. */
  onCancel?: () => void;
  /** Adjusts the form data before it is sent. */
  prepare?: (form: FormData) => void;
  /** The server's messages by the names of this form's fields, where its paths differ (assignees.0.userId → workerIds). */
  fieldErrors?: (errors: FieldErrors) => FieldErrors;
  children?: ReactNode;
};

export function CommandForm({ orderId, command, submitLabel, tone = "primary", onDone, onCancel, prepare, fieldErrors, children }: CommandFormProps) {
  const t = useTranslations("orderPage.actions");
  const tPage = useTranslations("orderPage");
  const tUi = useTranslations("ui");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // The answer is handled here rather than in an effect: the action's response carries the
  // refreshed page, in which this form may already be gone (接单 is no longer offered).
  const busy = useRef(false);
  const [state, dispatch, pending] = useActionState<OrderActionState, FormData>(async (previous, form) => {
    try {
      const result: OrderActionState = await orderCommandAction(previous, form).catch(() => ({ ok: false, error: tPage("networkError") }));
      if (result?.ok) {
        onDone();
        router.refresh();
      }
      return result;
    } finally {
      busy.current = false;
    }
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state && !state.ok) focusFirstProblem(formRef.current);
  }, [state]);

  return (
    <form ref={formRef} onSubmit={(event) => submitHandler(dispatch, busy, prepare)(event)} noValidate className={children ? "space-y-4" : "space-y-3"}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="command" value={command} />
      <FieldErrorsProvider errors={fieldErrors ? { ...errors, ...fieldErrors(errors) } : errors}>{children}</FieldErrorsProvider>
      <FormAlert label={t("resultLabel")} message={state && !state.ok ? state.error : null} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending} label={submitLabel} tone={tone} />
        {onCancel && (
          <Button tone="secondary" onClick={onCancel}>
            {tUi("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
