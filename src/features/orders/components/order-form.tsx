"use client";
// 我要点单 (and, with `requester`, a grid worker's 代点单). One idempotency key per form
// mount: a double click or a retry after a lost answer creates one order, not two.
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { CheckboxField, Choice, ChoiceGroup, FieldErrorsProvider, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { focusFirstProblem, FormAlert, SubmitButton, submitHandler } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { sensitiveIn } from "@/domain/privacy/mask";
import { placeOrderAction, type PlaceOrderState } from "@/features/orders/actions";
import { PhotoPicker } from "@/features/photos/photo-picker";

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
          <Notice className="text-lg font-semibold">{t("onBehalf", { name: requester.name })}</Notice>
        </>
      )}
      <FieldErrorsProvider errors={errors}>
        <SelectField
          label={t("category")}
          name="categoryId"
          required
          error={categoryError}
          placeholder={t("categoryPlaceholder")}
          options={categories.map((c) => ({ value: c.id, label: locale === "en" ? c.nameEn : c.nameZh }))}
        />
        <TextField label={t("titleLabel")} name="title" required maxLength={60} hint={t("titleHint")} />
        <TextAreaField label={t("description")} name="description" required rows={5} hint={t("descriptionHint")} />
        <PhotoPicker label={t("photos")} max={6} />

        <div className="space-y-1">
          <CheckboxField label={t("isPublic")} name="isPublic" hint={t("isPublicHint")} />
          <div role="status" aria-label={t("publicWarningLabel")}>
            {warn && (
              <Notice tone="warn" className="text-lg font-medium">
                <span aria-hidden="true">⚠ </span>
                {t("publicWarning", {
                  what: [warning.found.phone && t("publicWarningPhone"), warning.found.room && t("publicWarningRoom")]
                    .filter(Boolean)
                    .join(t("publicWarningAnd")),
                })}
              </Notice>
            )}
          </div>
        </div>

        <ChoiceGroup legend={t("contact")} name="contactPreference">
          {contactOptions.map((value) => (
            <Choice key={value} name="contactPreference" value={value} defaultChecked={value === "IN_APP"} label={t(`contact${value}`)} />
          ))}
        </ChoiceGroup>
      </FieldErrorsProvider>

      <FormAlert label={t("resultLabel")} message={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <Notice tone="success" role="status">
          {t("placed")}
        </Notice>
      )}
      <SubmitButton pending={pending || !!state?.ok} label={t("submit")} wide />
    </form>
  );
}
