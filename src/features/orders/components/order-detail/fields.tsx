"use client";
// Labelled form controls shared by the order form and the action forms on the order page:
// a visible label, an optional hint, the server's message for the field right under it,
// wired with aria-invalid and aria-describedby.
import { startTransition, useId, type FormEvent, type RefObject } from "react";
import { useTranslations } from "next-intl";

export type FieldErrors = Record<string, string>;

export const inputClass =
  "block min-h-12 w-full rounded-lg border border-gray-500 bg-white px-3 text-lg aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";
export const textareaClass =
  "block min-h-32 w-full rounded-lg border border-gray-500 bg-white px-3 py-2 text-lg aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

/** The ids a control's aria-describedby needs: its hint and, when there is one, its error. */
export function describedBy(...ids: (string | false | null | undefined)[]) {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="font-medium text-red-800">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

export function RequiredMark() {
  const t = useTranslations("orderPage");
  return (
    <span aria-hidden="true" className="ml-2 rounded bg-gray-100 px-1.5 text-base font-normal text-gray-800">
      {t("required")}
    </span>
  );
}

type Common = { label: string; name: string; error?: string; hint?: string; required?: boolean; defaultValue?: string };

export function TextAreaField({
  label,
  name,
  error,
  hint,
  required,
  defaultValue,
  rows = 4,
  maxLength = 2000,
  describedById,
}: Common & { rows?: number; maxLength?: number; describedById?: string }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
        {required && <RequiredMark />}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-gray-700">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(describedById, hint && `${id}-hint`, error && `${id}-error`)}
        className={textareaClass}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function InputField({
  label,
  name,
  error,
  hint,
  required,
  defaultValue,
  type = "text",
  inputMode,
  placeholder,
  min,
  maxLength,
  autoComplete,
}: Common & {
  type?: "text" | "number" | "date" | "tel";
  inputMode?: "text" | "numeric" | "tel";
  placeholder?: string;
  min?: string;
  maxLength?: number;
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
        {required && <RequiredMark />}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-gray-700">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        placeholder={placeholder}
        min={min}
        maxLength={maxLength}
        autoComplete={autoComplete ?? "off"}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        className={inputClass}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function SubmitButton({ pending, label, tone = "primary", wide }: { pending: boolean; label: string; tone?: "primary" | "danger"; wide?: boolean }) {
  const t = useTranslations("orderPage");
  const look =
    tone === "danger"
      ? "bg-red-700 text-white hover:bg-red-800"
      : "bg-brand-700 text-white hover:bg-brand-800";
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending || undefined}
      className={`inline-flex min-h-12 items-center justify-center rounded-lg px-5 text-lg font-semibold ${look} ${wide ? "w-full sm:w-auto sm:min-w-48" : ""} disabled:cursor-wait disabled:opacity-70`}
    >
      {pending ? t("submitting") : label}
    </button>
  );
}

export function ResultAlert({ label, message }: { label: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" aria-label={label} className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-medium text-red-900">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/**
 * Submits the form's data to a useActionState action without React's automatic form reset,
 * so that what the person typed stays in place when the server answers with an error.
 * `busy` holds back a second submission (a double click) until the action releases it;
 * `prepare` may adjust the data first (drop empty optional values, add a key).
 */
export function submitHandler(dispatch: (form: FormData) => void, busy: RefObject<boolean>, prepare?: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    const form = new FormData(event.currentTarget);
    prepare?.(form);
    startTransition(() => dispatch(form));
  };
}

/** Moves focus to the first field the server found fault with, or else to the message. */
export function focusFirstProblem(form: HTMLFormElement | null) {
  if (!form) return;
  const target = form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  if (target.getAttribute("role") === "alert") target.setAttribute("tabindex", "-1");
  target.focus();
}
