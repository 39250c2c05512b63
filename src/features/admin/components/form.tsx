"use client";
// The admin console's forms: labelled controls that show the server's message for their
// field (aria-invalid, aria-describedby), a result line announced to screen readers, and a
// submit button that says when it is working. Forms never lose what was typed on an error.
import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, type ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AdminAction, AdminResult, AdminState } from "../action-types";
import { OneTimeSlips } from "./one-time-slips";

type Errors = Record<string, string>;
const ErrorsContext = createContext<Errors>({});

export const controlClass =
  "block min-h-12 w-full rounded-lg border border-gray-500 bg-white px-3 text-lg aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";
export const buttonClass = {
  primary: "inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70",
  danger: "inline-flex min-h-12 items-center justify-center rounded-lg bg-red-700 px-5 text-lg font-semibold text-white hover:bg-red-800 disabled:cursor-wait disabled:opacity-70",
  secondary: "inline-flex min-h-12 items-center justify-center rounded-lg bg-white px-4 text-lg font-medium text-gray-900 ring-1 ring-gray-400 hover:bg-gray-100 disabled:opacity-70",
} as const;

export type FormProps = {
  action: AdminAction;
  intent: string;
  /** Hidden fields: the record's id, the target state … */
  hidden?: Record<string, string>;
  submitLabel: string;
  tone?: keyof typeof buttonClass;
  /** Empties the form after a success (forms that create something). */
  resetOnSuccess?: boolean;
  onSuccess?: (result: AdminResult) => void;
  /** A link to what was created; ":id" in href becomes its id. */
  resultLink?: { href: string; label: string };
  children?: ReactNode;
  className?: string;
  footer?: ReactNode;
  /** After a success the form cannot be sent again (a reset password is shown once). */
  once?: boolean;
};

export function AdminForm({ action, intent, hidden = {}, submitLabel, tone = "primary", resetOnSuccess, onSuccess, resultLink, children, className, footer, once }: FormProps) {
  const t = useTranslations("admin");
  const ref = useRef<HTMLFormElement>(null);
  const [state, run, pending] = useActionState<AdminState, FormData>(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      if (resetOnSuccess) ref.current?.reset();
      onSuccess?.(state.data);
      return;
    }
    const target = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? ref.current?.querySelector<HTMLElement>("[data-form-error]");
    target?.focus();
    // Only a new answer matters here, not a new onSuccess closure.
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <form
      ref={ref}
      noValidate
      className={className ?? "space-y-4"}
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        const data = new FormData(event.currentTarget);
        startTransition(() => run(data));
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorsContext.Provider value={errors}>{children}</ErrorsContext.Provider>
      {state && !state.ok && (
        <p role="alert" aria-label={t("form.problem")} tabIndex={-1} data-form-error className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-medium text-red-900">
          <span aria-hidden="true">⚠ </span>
          {Object.keys(errors).filter((k) => k !== "form").length > 1 ? t("form.checkFields", { count: Object.keys(errors).length }) : state.error}
        </p>
      )}
      <div role="status" aria-live="polite" className="space-y-3">
        {state?.ok && (
          <>
            <p className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
              <span aria-hidden="true">✓ </span>
              {t(`done.${state.data.done}` as never, (state.data.params ?? {}) as never)}
              {resultLink && state.data.id && (
                <>
                  {" "}
                  <Link href={resultLink.href.replace(":id", state.data.id)} className="underline underline-offset-4">
                    {resultLink.label}
                  </Link>
                </>
              )}
            </p>
            {state.data.slips && <OneTimeSlips slips={state.data.slips} file={state.data.slipsFile} />}
            {state.data.phone && <p className="font-mono text-2xl tracking-wider">{state.data.phone}</p>}
          </>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {!(once && state?.ok) && (
          <button type="submit" disabled={pending} aria-disabled={pending || undefined} className={buttonClass[tone]}>
            {pending ? t("form.working") : submitLabel}
          </button>
        )}
        {footer}
      </div>
    </form>
  );
}

type FieldProps = { label: string; name: string; hint?: string; required?: boolean; defaultValue?: string | number };

function useField(name: string, hint?: string) {
  const id = useId();
  const error = useContext(ErrorsContext)[name];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return { id, error, describedBy };
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  const t = useTranslations("admin.form");
  return (
    <label htmlFor={id} className="block font-medium">
      {label}
      {required && (
        // The control itself carries `required`, which screen readers announce.
        <span aria-hidden="true" className="ml-2 rounded bg-gray-100 px-1.5 text-base font-normal text-gray-800">
          {t("required")}
        </span>
      )}
    </label>
  );
}

function Below({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-gray-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="font-medium text-red-800">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({
  label,
  name,
  hint,
  required,
  defaultValue,
  type = "text",
  inputMode,
  maxLength,
  autoComplete = "off",
  min,
  max,
}: FieldProps & { type?: "text" | "tel" | "number" | "password" | "date" | "search"; inputMode?: "text" | "numeric" | "tel"; maxLength?: number; autoComplete?: string; min?: number | string; max?: number | string }) {
  const { id, error, describedBy } = useField(name, hint);
  return (
    <div className="space-y-1">
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        maxLength={maxLength}
        min={min}
        max={max}
        autoComplete={autoComplete}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={controlClass}
      />
      <Below id={id} hint={hint} error={error} />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  label,
  name,
  hint,
  required,
  defaultValue,
  options,
  placeholder,
  onChange,
  value,
}: FieldProps & { options: Option[]; placeholder?: string; onChange?: (value: string) => void; value?: string }) {
  const { id, error, describedBy } = useField(name, hint);
  return (
    <div className="space-y-1">
      <Label id={id} label={label} required={required} />
      <select
        id={id}
        name={name}
        required={required}
        {...(value !== undefined ? { value } : { defaultValue: defaultValue === undefined ? "" : String(defaultValue) })}
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={controlClass}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Below id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({ label, name, hint, defaultChecked }: { label: string; name: string; hint?: string; defaultChecked?: boolean }) {
  const { id, error, describedBy } = useField(name, hint);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-gray-300 bg-white px-3">
        <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={describedBy} className="h-6 w-6 shrink-0 accent-brand-700" />
        <span className="font-medium">{label}</span>
      </label>
      <Below id={id} hint={hint} error={error} />
    </div>
  );
}
