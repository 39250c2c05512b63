"use client";
// The one set of labelled form controls. Each has a visible label (with 必填 when required),
// an optional hint and the server's message for the field under the control, both wired with
// aria-describedby; a field in error carries aria-invalid and a thicker red border (never
// colour alone: the message says what is wrong). A field finds its message by name in the
// errors its form provides (FieldErrorsProvider), or takes one directly (`error`).
import {
  createContext,
  useContext,
  useId,
  type ComponentProps,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useTranslations } from "next-intl";

export type FieldErrors = Record<string, string | undefined>;

const ErrorsContext = createContext<FieldErrors>({});

export function FieldErrorsProvider({ errors, children }: { errors: FieldErrors; children: ReactNode }) {
  return <ErrorsContext.Provider value={errors}>{children}</ErrorsContext.Provider>;
}

const control = "block w-full min-w-0 max-w-full rounded-lg border border-gray-500 bg-white aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";
/** Inputs and selects. */
const controlClass = `${control} min-h-12 px-3 text-lg`;
const textareaClass = `${control} min-h-32 px-3 py-2 text-lg`;
const fileClass = `${control} min-h-12 p-1 text-base file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-md file:border-0 file:bg-gray-200 file:px-4 file:font-medium file:text-gray-900 hover:file:bg-gray-300`;

/** The ids a control's aria-describedby needs, leaving out those that are not there. */
function describedBy(...ids: (string | false | null | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="font-medium text-red-800">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** 必填, for the eye: the control itself carries `required`, which screen readers announce. */
function RequiredMark() {
  const t = useTranslations("ui");
  return (
    <span aria-hidden="true" className="ml-2 rounded bg-gray-100 px-1.5 text-base font-normal text-gray-800">
      {t("required")}
    </span>
  );
}

type FrameProps = {
  label: ReactNode;
  name?: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Another element that describes the control (a warning above it). */
  describedById?: string;
};

/** The form's message for the field of that name, for a control the kit does not wrap (a photo picker). */
export function useFieldError(name: string | undefined): string | undefined {
  const errors = useContext(ErrorsContext);
  return name ? errors[name] : undefined;
}

function useField({ name, hint, error, describedById }: FrameProps) {
  const id = useId();
  const fromForm = useFieldError(name);
  const message = error ?? fromForm;
  return {
    id,
    error: message,
    aria: {
      "aria-invalid": message ? true : undefined,
      "aria-describedby": describedBy(describedById, hint ? `${id}-hint` : null, message && `${id}-error`),
    },
  };
}

function Frame({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
        {required && <RequiredMark />}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-gray-700">
          {hint}
        </p>
      )}
      {children}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

type Native<T> = Omit<T, "id" | "className" | "aria-invalid" | "aria-describedby">;

export function TextField({
  label,
  hint,
  error,
  required,
  describedById,
  autoComplete = "off",
  type = "text",
  ...input
}: FrameProps & Native<ComponentProps<"input">>) {
  const field = useField({ label, name: input.name, hint, error, describedById });
  return (
    <Frame id={field.id} label={label} hint={hint} error={field.error} required={required}>
      <input
        id={field.id}
        type={type}
        required={required}
        autoComplete={autoComplete}
        className={type === "file" ? fileClass : controlClass}
        {...field.aria}
        {...input}
      />
    </Frame>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  required,
  describedById,
  rows = 4,
  maxLength = 2000,
  ...textarea
}: FrameProps & Native<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const field = useField({ label, name: textarea.name, hint, error, describedById });
  return (
    <Frame id={field.id} label={label} hint={hint} error={field.error} required={required}>
      <textarea id={field.id} rows={rows} maxLength={maxLength} required={required} className={textareaClass} {...field.aria} {...textarea} />
    </Frame>
  );
}

type Option = { value: string; label: string };

export function SelectField({
  label,
  hint,
  error,
  required,
  describedById,
  options,
  placeholder,
  ...select
}: FrameProps & Native<SelectHTMLAttributes<HTMLSelectElement>> & { options: Option[]; placeholder?: string }) {
  const field = useField({ label, name: select.name, hint, error, describedById });
  // Uncontrolled selects start on the placeholder unless told otherwise.
  const start = select.value === undefined && select.defaultValue === undefined ? { defaultValue: "" } : {};
  return (
    <Frame id={field.id} label={label} hint={hint} error={field.error} required={required}>
      <select id={field.id} required={required} className={controlClass} {...start} {...field.aria} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

const choiceBox =
  "flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-gray-400 bg-white px-3 py-2 has-[:checked]:border-2 has-[:checked]:border-brand-700 has-[:checked]:bg-red-50";
const choiceInput = "h-6 w-6 shrink-0 accent-brand-700";

/** One checkbox with its label in a box as large as a button; its hint under it. */
export function CheckboxField({
  label,
  hint,
  error,
  describedById,
  ...input
}: Omit<FrameProps, "required"> & Native<Omit<InputHTMLAttributes<HTMLInputElement>, "type">>) {
  const field = useField({ label, name: input.name, hint, error, describedById });
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={field.id} className={choiceBox}>
        <input id={field.id} type="checkbox" className={choiceInput} {...field.aria} {...input} />
        <span className="font-medium">{label}</span>
      </label>
      {hint && (
        <p id={`${field.id}-hint`} className="text-gray-700">
          {hint}
        </p>
      )}
      <FieldError id={`${field.id}-error`} message={field.error} />
    </div>
  );
}

const GroupContext = createContext<{ invalid?: true }>({});

/**
 * A question answered by radio buttons or checkboxes: a fieldset whose legend names the group
 * (the buttons inside are named by their own labels), with the hint and the message for the
 * group's field.
 */
export function ChoiceGroup({
  legend,
  name,
  hint,
  error,
  note,
  lead,
  children,
  layout = "row",
}: {
  legend: ReactNode;
  /** The field whose message this group shows, when the form provides them. */
  name?: string;
  hint?: ReactNode;
  error?: string;
  /** A line instead of the choices, when there is nothing to choose (it describes the group). */
  note?: ReactNode;
  /** Controls between the hint and the choices (a search box that finds more of them). */
  lead?: ReactNode;
  children?: ReactNode;
  layout?: "row" | "column" | "grid";
}) {
  const field = useField({ label: legend, name, hint: hint ?? note, error });
  const arrange = { row: "flex flex-col gap-2 sm:flex-row sm:flex-wrap", column: "flex flex-col gap-2", grid: "grid gap-2 sm:grid-cols-3" }[layout];
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={field.aria["aria-describedby"]}>
      <legend className="mb-1 font-medium">{legend}</legend>
      {(hint ?? note) && (
        <p id={`${field.id}-hint`} className={note ? "text-gray-800" : "text-gray-700"}>
          {hint ?? note}
        </p>
      )}
      {lead}
      {children && (
        <GroupContext.Provider value={{ invalid: field.error ? true : undefined }}>
          <div className={arrange}>{children}</div>
        </GroupContext.Provider>
      )}
      <FieldError id={`${field.id}-error`} message={field.error} />
    </fieldset>
  );
}

/** One radio button or checkbox of a ChoiceGroup, its whole box the target. */
export function Choice({
  label,
  type = "radio",
  ...input
}: { label: ReactNode; type?: "radio" | "checkbox" } & Native<Omit<InputHTMLAttributes<HTMLInputElement>, "type">>) {
  const { invalid } = useContext(GroupContext);
  return (
    <label className={choiceBox}>
      <input type={type} aria-invalid={invalid} className={choiceInput} {...input} />
      <span>{label}</span>
    </label>
  );
}
