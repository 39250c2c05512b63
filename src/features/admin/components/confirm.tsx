"use client";
// A console act that asks first: the kit's confirm dialog around an AdminForm that says what
// will happen. With `keepOpen` the dialog stays after success to show its answer (a reset
// password, a revealed number) until the administrator closes it.
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button, type ButtonTone } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { AdminAction } from "../action-types";
import { AdminForm } from "./form";

export function ConfirmAction({
  action,
  intent,
  hidden,
  trigger,
  title,
  body,
  confirmLabel,
  tone = "danger",
  triggerTone = "secondary",
  keepOpen,
  fields,
}: {
  action: AdminAction;
  intent: string;
  hidden: Record<string, string>;
  trigger: string;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  triggerTone?: ButtonTone;
  /** Keeps the dialog open after success, to show its answer. */
  keepOpen?: boolean;
  /** Controls inside the dialog's form (e.g. the grid to move to). */
  fields?: ReactNode;
}) {
  const t = useTranslations("ui");
  const [done, setDone] = useState(false);
  return (
    <ConfirmDialog trigger={trigger} triggerTone={triggerTone} title={title} onClosed={() => setDone(false)}>
      {(close) => (
        <>
          {!done && <div className="text-gray-800">{body}</div>}
          <AdminForm
            action={action}
            intent={intent}
            hidden={hidden}
            submitLabel={confirmLabel}
            tone={tone}
            once={keepOpen}
            onSuccess={() => (keepOpen ? setDone(true) : close())}
            footer={
              <Button tone="secondary" onClick={close}>
                {done ? t("close") : t("cancel")}
              </Button>
            }
          >
            {!done && fields}
          </AdminForm>
        </>
      )}
    </ConfirmDialog>
  );
}
