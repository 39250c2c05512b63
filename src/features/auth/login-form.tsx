"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "./actions";
import type { SignInState } from "./schemas";

export function LoginForm() {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const phoneError = state.fieldErrors?.phone;
  const passwordError = state.fieldErrors?.password;

  return (
    <form action={action} noValidate className="space-y-5">
      {state.error && (
        <p role="alert" aria-label={t("title")} className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-800">
          {t(state.error)}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor="phone" className="block font-medium">
          {t("phone")}
        </label>
        <input
          id="phone"
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="username"
          maxLength={11}
          required
          defaultValue={state.phone}
          aria-invalid={!!phoneError}
          aria-describedby={phoneError ? "phone-error" : "phone-hint"}
          className="block min-h-12 w-full rounded-lg border border-gray-400 px-3 text-lg"
        />
        {phoneError ? (
          <p id="phone-error" className="text-red-800">
            {t(phoneError)}
          </p>
        ) : (
          <p id="phone-hint" className="text-gray-700">
            {t("phoneHint")}
          </p>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={!!passwordError}
          aria-describedby={passwordError ? "password-error" : undefined}
          className="block min-h-12 w-full rounded-lg border border-gray-400 px-3 text-lg"
        />
        {passwordError && (
          <p id="password-error" className="text-red-800">
            {t(passwordError)}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-12 w-full rounded-lg bg-brand-700 px-4 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
