"use client";
// An act that cannot be taken back (deactivate, disable, remove a role, reset a password) asks
// first, in a modal dialog that says what will happen. The browser's <dialog> keeps focus inside
// and returns it to the trigger afterwards; Escape closes it. Its content is made afresh each
// time it opens, so an earlier answer or half-filled field never shows again.
import { useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonTone } from "./button";

export function ConfirmDialog({
  trigger,
  triggerTone = "secondary",
  title,
  onClosed,
  children,
}: {
  trigger: string;
  triggerTone?: ButtonTone;
  title: string;
  /** Called whenever the dialog closes (Escape, a cancel button, a finished act). */
  onClosed?: () => void;
  /** The dialog's content; `close` shuts it (from an event handler or a callback, never while rendering). */
  children: (close: () => void) => ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [round, setRound] = useState(0);
  const close = () => dialog.current?.close();
  return (
    <>
      <Button tone={triggerTone} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => {
          setRound((r) => r + 1);
          onClosed?.();
        }}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl p-0 backdrop:bg-black/50"
      >
        <div key={round} className="space-y-4 p-5">
          <h2 id={titleId} className="text-xl font-bold">
            {title}
          </h2>
          {/* eslint-disable-next-line react-hooks/refs -- `close` reads the ref only when called, from the content's handlers; a component here would remount the content (and lose its form's answer) on every render of the caller */}
          {children(close)}
        </div>
      </dialog>
    </>
  );
}
