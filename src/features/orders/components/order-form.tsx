"use client";
// 我要点单 (and, with `requester`, a grid worker's 代点单). One idempotency key per form
// mount: a double click or a retry after a lost answer creates one order, not two.
import { useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { sensitiveIn } from "@/domain/privacy/mask";
import { placeOrderAction, type PlaceOrderState } from "@/features/orders/actions";
import { PhotoPicker } from "@/features/photos/photo-picker";
import {
  describedBy,
  FieldError,
  focusFirstProblem,
  InputField,
  inputClass,
  RequiredMark,
  ResultAlert,
  SubmitButton,
  submitHandler,
  TextAreaField,
} from "./order-detail/fields";

type Category = { id: string; nameZh: string; nameEn: string };

/** A random UUID, also where crypto.randomUUID is missing (plain http on a local network). */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const contactOptions = ["IN_APP", "PHONE", "VISIT"] as const;

const valueOf = (form: HTMLFormElement, name: string) => {
  const field = form.elements.namedItem(name);
  return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field : null;
};

/**
 * What a public order would show neighbours that the board then masks: said while typing,
 * before publishing, so that the resident can take it out or keep the order private.
 */
function usePublicWarning() {
  const [found, setFound] = useState({ phone: false, room: false });
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const isPublic = !!(valueOf(form, "isPublic") as HTMLInputElement | null)?.checked;
    const text = `${valueOf(form, "title")?.value ?? ""}\n${valueOf(form, "description")?.value ?? ""}`;
    const next = isPublic ? sensitiveIn(text) : { phone: false, room: false };
    setFound((prev) => (prev.phone === next.phone && prev.room === next.room ? prev : next));
  };
  return { found, onChange };
}

export function OrderForm({ categories, requester }: { categories: Category[]; requester?: { id: string; name: string } }) {
  const t = useTranslations("orderPage.form");
  const tErrors = useTranslations("errors");
  const tPage = useTranslations("orderPage");
  const locale = useLocale();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const categoryId = useId();
  const contactId = useId();
  // Generated once per mount; the server render and the browser each make one, and the
  // browser's is the one sent (set in onSubmit below), so it never changes between retries.
  const [idempotencyKey] = useState(newKey);
  const busy = useRef(false);
  const [state, dispatch, pending] = useActionState<PlaceOrderState, FormData>(async (previous, form) => {
    // A lost connection is answered here rather than by the error page; a retry carries the
    // same key, so an order that did reach the server is not placed twice.
    const result: PlaceOrderState = await placeOrderAction(previous, form).catch(() => ({ ok: false, error: tPage("networkError") }));
    if (result?.ok) router.push(`/orders/${result.data.id}`);
    else busy.current = false; // after success the form stays held while the order opens
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state && !state.ok) focusFirstProblem(formRef.current);
  }, [state]);

  // Whether the last attempt left the category unchosen, for a clearer message than the
  // server's generic one for a missing id.
  const [noCategory, setNoCategory] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    submitHandler(dispatch, busy, (form) => {
      form.set("idempotencyKey", idempotencyKey);
      setNoCategory(!form.get("categoryId"));
    })(event);
  const categoryError = errors.categoryId && (noCategory ? tErrors("categoryRequired") : errors.categoryId);
  const warning = usePublicWarning();
  const warn = warning.found.phone || warning.found.room;

  return (
    <form ref={formRef} onSubmit={onSubmit} onChange={warning.onChange} noValidate className="space-y-6">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} suppressHydrationWarning />
      {requester && (
        <>
          <input type="hidden" name="requesterId" value={requester.id} />
          <p className="rounded-lg border-2 border-sky-700 bg-sky-50 p-3 text-lg font-semibold text-sky-950">
            {t("onBehalf", { name: requester.name })}
          </p>
        </>
      )}

      <div className="space-y-1">
        <label htmlFor={categoryId} className="block font-medium">
          {t("category")}
          <RequiredMark />
        </label>
        <select
          id={categoryId}
          name="categoryId"
          required
          defaultValue=""
          aria-invalid={categoryError ? true : undefined}
          aria-describedby={describedBy(categoryError && `${categoryId}-error`)}
          className={inputClass}
        >
          <option value="">{t("categoryPlaceholder")}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === "en" ? c.nameEn : c.nameZh}
            </option>
          ))}
        </select>
        <FieldError id={`${categoryId}-error`} message={categoryError} />
      </div>

      <InputField label={t("titleLabel")} name="title" required maxLength={60} hint={t("titleHint")} error={errors.title} />
      <TextAreaField label={t("description")} name="description" required rows={5} hint={t("descriptionHint")} error={errors.description} />

      <div className="space-y-1">
        <PhotoPicker label={t("photos")} max={6} />
        <FieldError id={`${categoryId}-photos-error`} message={errors.photoIds} />
      </div>

      <div className="space-y-1">
        <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-gray-300 bg-white p-3">
          <input
            type="checkbox"
            name="isPublic"
            aria-describedby={`${contactId}-public-hint`}
            className="mt-1 h-6 w-6 shrink-0 accent-brand-700"
          />
          <span className="font-medium">{t("isPublic")}</span>
        </label>
        <p id={`${contactId}-public-hint`} className="text-gray-700">
          {t("isPublicHint")}
        </p>
        <div role="status" aria-label={t("publicWarningLabel")}>
          {warn && (
            <p className="rounded-lg border-2 border-amber-600 bg-amber-50 p-3 text-lg font-medium text-amber-950">
              <span aria-hidden="true">⚠ </span>
              {t("publicWarning", { what: [warning.found.phone && t("publicWarningPhone"), warning.found.room && t("publicWarningRoom")].filter(Boolean).join(t("publicWarningAnd")) })}
            </p>
          )}
        </div>
      </div>

      <fieldset className="space-y-2" aria-describedby={describedBy(errors.contactPreference && `${contactId}-error`)}>
        <legend className="mb-1 font-medium">{t("contact")}</legend>
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {contactOptions.map((value) => (
            <label key={value} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-gray-300 bg-white px-3 py-2 has-[:checked]:border-2 has-[:checked]:border-brand-700">
              <input type="radio" name="contactPreference" value={value} defaultChecked={value === "IN_APP"} className="h-6 w-6 shrink-0 accent-brand-700" />
              <span>{t(`contact${value}`)}</span>
            </label>
          ))}
        </div>
        <FieldError id={`${contactId}-error`} message={errors.contactPreference} />
      </fieldset>

      <ResultAlert label={t("resultLabel")} message={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
          <span aria-hidden="true">✓ </span>
          {t("placed")}
        </p>
      )}
      <SubmitButton pending={pending || !!state?.ok} label={t("submit")} wide />
    </form>
  );
}
