// A boxed message: information, a warning, a success or a problem. The tone shows in colour
// and in words or a sign (⚠, ✓), never in colour alone. Roles are the caller's: a form's answer
// is an alert or a status, a standing remark is plain text or a note.
import type { ComponentProps } from "react";

type NoticeTone = "info" | "warn" | "success" | "error" | "plain";

const tones: Record<NoticeTone, string> = {
  info: "border-2 border-sky-700 bg-sky-50 text-sky-950",
  warn: "border-2 border-amber-600 bg-amber-50 text-amber-950",
  success: "border-2 border-green-700 bg-green-50 font-medium text-green-900",
  error: "border-2 border-red-700 bg-red-50 font-medium text-red-900",
  plain: "bg-gray-100",
};

const signs: Partial<Record<NoticeTone, string>> = { success: "✓ ", error: "⚠ " };

export function Notice({ tone = "info", sign = true, className, children, ...rest }: { tone?: NoticeTone; sign?: boolean } & ComponentProps<"p">) {
  return (
    <p className={`rounded-lg p-3 ${tones[tone]}${className ? ` ${className}` : ""}`} {...rest}>
      {sign && signs[tone] && <span aria-hidden="true">{signs[tone]}</span>}
      {children}
    </p>
  );
}
