// A short label beside a title: a status, 未读, 已停用, a warning. Always words; the colour
// only repeats them.
import type { ReactNode } from "react";

export type BadgeTone = "gray" | "amber" | "sky" | "blue" | "violet" | "green" | "red" | "alert" | "brand" | "dark";

const tones: Record<BadgeTone, string> = {
  gray: "font-medium bg-gray-100 text-gray-900 ring-1 ring-gray-300",
  amber: "font-medium bg-amber-100 text-amber-950 ring-1 ring-amber-500",
  sky: "font-medium bg-sky-100 text-sky-900 ring-1 ring-sky-300",
  blue: "font-medium bg-blue-100 text-blue-900 ring-1 ring-blue-300",
  violet: "font-medium bg-violet-100 text-violet-900 ring-1 ring-violet-300",
  green: "font-medium bg-green-100 text-green-900 ring-1 ring-green-400",
  red: "font-medium bg-red-100 text-red-900 ring-1 ring-red-300",
  alert: "bg-red-700 font-semibold text-white",
  brand: "bg-brand-700 font-semibold text-white",
  dark: "bg-gray-800 font-semibold text-white",
};

export function Badge({ tone = "gray", icon, children }: { tone?: BadgeTone; icon?: string; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-base ${tones[tone]}`}>
      {icon && <span aria-hidden="true">{icon}</span>}
      {children}
    </span>
  );
}
