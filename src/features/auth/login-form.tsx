"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { signInAction } from "./actions";
import type { SignInState } from "./schemas";

export function LoginForm() {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const phoneError = state.fieldErrors?.phone;
  const passwordError = state.fieldErrors?.password;

  return (
    <form action={action} noValidate className="space-y-5">
      <FormAlert label={t("title")} message={state.error && t(state.error)} sign={false} />
      <TextField
        label={t("phone")}
        name="phone"
        type="tel"
        inputMode="numeric"
        autoComplete="username"
        maxLength={11}
        required
        defaultValue={state.phone}
        hint={phoneError ? undefined : t("phoneHint")}
        error={phoneError && t(phoneError)}
      />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required error={passwordError && t(passwordError)} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} wide />
    </form>
  );
}
