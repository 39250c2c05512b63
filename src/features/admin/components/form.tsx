"use client";
// The admin console's form: posts to one of the console's actions with its `intent`, hands
// the server's message for each field to the kit's fields inside (src/components/ui/field.tsx),
// and announces the answer: what was done (with a link to what was created, one-time
// passwords as slips, a revealed number) or what to fix. Forms never lose what was typed on
// an error.
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { FieldErrorsProvider } from "@/components/ui/field";
import { focusFirstProblem, FormAlert, SubmitButton, submitHandler } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import type { AdminAction, AdminResult, AdminState } from "../action-types";
import { OneTimeSlips } from "./one-time-slips";

export type FormProps = {
  action: AdminAction;
  intent: string;
  /** Hidden fields: the record's id, the target state … */
  hidden?: Record<string, string>;
  submitLabel: string;
  tone?: "primary" | "danger";
  /** Empties the form after a success (forms that create something). */
  resetOnSuccess?: boolean;
  onSuccess?: (result: AdminResult) => void;
  /** A link to what was created; ":id" in href becomes its id. */
  resultLink?: { href: string; label: string };
  children?: ReactNode;
  footer?: ReactNode;
  /** After a success the form cannot be sent again (a reset password is shown once). */
  once?: boolean;
};

export function AdminForm({
  action,
  intent,
  hidden = {},
  submitLabel,
  tone = "primary",
  resetOnSuccess,
  onSuccess,
  resultLink,
  children,
  footer,
  once,
}: FormProps) {
  const t = useTranslations("admin");
  const ref = useRef<HTMLFormElement>(null);
  const busy = useRef(false);
  const [state, run, pending] = useActionState<AdminState, FormData>(async (previous, form) => {
    try {
      return await action(previous, form);
    } finally {
      busy.current = false;
    }
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state) return;
    if (!state.ok) return focusFirstProblem(ref.current);
    if (resetOnSuccess) ref.current?.reset();
    onSuccess?.(state.data);
    // Only a new answer matters here, not a new onSuccess closure.
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps

  const fieldCount = Object.keys(errors).filter((k) => k !== "form").length;
  return (
    <form ref={ref} noValidate className="space-y-4" onSubmit={(event) => submitHandler(run, busy)(event)}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FieldErrorsProvider errors={errors}>{children}</FieldErrorsProvider>
      <FormAlert
        label={t("form.problem")}
        message={state && !state.ok ? (fieldCount > 1 ? t("form.checkFields", { count: fieldCount }) : state.error) : null}
      />
      <div role="status" aria-live="polite" className="space-y-3">
        {state?.ok && (
          <>
            <Notice tone="success">
              {t(`done.${state.data.done}` as never, (state.data.params ?? {}) as never)}
              {resultLink && state.data.id && (
                <>
                  {" "}
                  <Link href={resultLink.href.replace(":id", state.data.id)} className="underline underline-offset-4">
                    {resultLink.label}
                  </Link>
                </>
              )}
            </Notice>
            {state.data.slips && <OneTimeSlips slips={state.data.slips} file={state.data.slipsFile} />}
            {state.data.phone && <p className="font-mono text-2xl tracking-wider">{state.data.phone}</p>}
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {!(once && state?.ok) && <SubmitButton pending={pending} label={submitLabel} tone={tone} />}
        {footer}
      </div>
    </form>
  );
}
