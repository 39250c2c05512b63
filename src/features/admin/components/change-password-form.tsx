"use client";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "../actions";
import { TextField } from "@/components/ui/field";
import { AdminForm } from "./form";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  return (
    <AdminForm action={changePasswordAction} intent="password.change" submitLabel={t("submit")} resetOnSuccess>
      <TextField label={t("current")} name="current" type="password" required autoComplete="current-password" />
      <TextField label={t("next")} name="next" type="password" required autoComplete="new-password" hint={t("rule")} />
      <TextField label={t("confirm")} name="confirm" type="password" required autoComplete="new-password" />
    </AdminForm>
  );
}
