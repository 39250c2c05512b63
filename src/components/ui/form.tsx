"use client";
// How every form that posts to a server action behaves: what the person typed stays in place
// when the server answers with a problem, a double click sends once, focus moves to the first
// field in error (or to the message), and the submit button says when it is working.
import { startTransition, type FormEvent, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { Button, type ButtonTone } from "./button";
import { Notice } from "./notice";

/**
 * Submits the form's data to a useActionState action without React's automatic form reset.
 * `busy` holds back a second submission until the action releases it (in a `finally`);
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

/** Moves focus to the first field the server found fault with, or else to the form's message. */
export function focusFirstProblem(form: HTMLFormElement | null) {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
  target?.focus();
}

/**
 * The server's answer when it refused: an alert with a name of its own (Next's route announcer
 * is an alert too). `sign: false` leaves out the ⚠ where the message is read as a whole.
 */
export function FormAlert({ label, message, sign = true }: { label: string; message?: string | null; sign?: boolean }) {
  if (!message) return null;
  return (
    <Notice tone="error" sign={sign} role="alert" aria-label={label} tabIndex={-1}>
      {message}
    </Notice>
  );
}

export function SubmitButton({
  pending,
  label,
  pendingLabel,
  tone = "primary",
  wide,
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string;
  tone?: ButtonTone;
  wide?: boolean;
}) {
  const t = useTranslations("ui");
  return (
    <Button type="submit" tone={tone} wide={wide} disabled={pending} aria-disabled={pending || undefined}>
      {pending ? (pendingLabel ?? t("submitting")) : label}
    </Button>
  );
}
