"use client";
// A destructive act (deactivate, disable, remove a role, reset a password) asks first, in a
// modal dialog that says what will happen. The browser's <dialog> traps focus and returns
// it to the button afterwards.
import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { AdminAction } from "../action-types";
import { AdminForm, buttonClass } from "./form";

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
  triggerTone?: "secondary" | "danger" | "primary";
  /** Keeps the dialog open after success, to show its answer. */
  keepOpen?: boolean;
  /** Controls inside the dialog's form (e.g. the grid to move to). */
  fields?: ReactNode;
}) {
  const t = useTranslations("admin.form");
  const dialog = useRef<HTMLDialogElement>(null);
  const [key, setKey] = useState(0);
  const [done, setDone] = useState(false);
  const titleId = `confirm-${intent.replace(/\W/g, "-")}-${hidden.id ?? ""}`;
  const close = () => {
    dialog.current?.close();
    setDone(false);
    setKey((k) => k + 1); // a fresh form next time
  };
  return (
    <>
      <button type="button" className={buttonClass[triggerTone]} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => {
          setDone(false);
          setKey((k) => k + 1);
        }}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl p-0 backdrop:bg-black/50"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-xl font-bold">
            {title}
          </h2>
          {!done && <div className="text-gray-800">{body}</div>}
          <AdminForm
            key={key}
            action={action}
            intent={intent}
            hidden={hidden}
            submitLabel={confirmLabel}
            tone={tone}
            once={keepOpen}
            onSuccess={() => (keepOpen ? setDone(true) : close())}
            footer={
              <button type="button" className={buttonClass.secondary} onClick={close}>
                {done ? t("close") : t("cancel")}
              </button>
            }
          >
            {!done && fields}
          </AdminForm>
        </div>
      </dialog>
    </>
  );
}
