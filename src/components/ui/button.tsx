// The one look of a button, for <button>s and for links that act as buttons. Every size keeps
// a touch target of at least 44 px and grows with the text (min-height, never a fixed height);
// the focus ring comes from globals.css (:focus-visible). A toggle that opens a panel shows
// its open state by fill as well as by aria-expanded.
import Link from "next/link";
import type { ComponentProps } from "react";

export type ButtonTone = "primary" | "secondary" | "danger" | "dangerOutline" | "brandOutline";
type ButtonSize = "sm" | "md" | "lg";

const tones: Record<ButtonTone, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border-2 border-gray-700 bg-white text-gray-900 hover:bg-gray-100 aria-expanded:bg-gray-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
  dangerOutline: "border-2 border-red-700 bg-white text-red-800 hover:bg-red-50 aria-expanded:bg-red-50",
  brandOutline: "border-2 border-brand-700 bg-white text-brand-700 hover:bg-red-50",
};

const sizes: Record<ButtonSize, string> = {
  // Page chrome: the header's buttons, pagination, a button inside a line of text.
  sm: "min-h-11 rounded-lg px-3 text-base font-medium",
  md: "min-h-12 rounded-lg px-5 text-lg font-semibold",
  // The one main act of a page (我要点单).
  lg: "min-h-14 rounded-xl px-6 text-xl font-bold",
};

export function buttonClass({ tone = "primary", size = "md", wide = false }: { tone?: ButtonTone; size?: ButtonSize; wide?: boolean } = {}) {
  return `inline-flex items-center justify-center gap-2 text-center disabled:cursor-wait disabled:opacity-70 ${sizes[size]} ${tones[tone]}${wide ? " w-full sm:w-auto sm:min-w-48" : ""}`;
}

type Look = { tone?: ButtonTone; size?: ButtonSize; wide?: boolean };

export function Button({ tone, size, wide, className, type = "button", ...rest }: Look & ComponentProps<"button">) {
  return <button type={type} className={`${buttonClass({ tone, size, wide })}${className ? ` ${className}` : ""}`} {...rest} />;
}

export function ButtonLink({ tone, size, wide, className, ...rest }: Look & ComponentProps<typeof Link>) {
  return <Link className={`${buttonClass({ tone, size, wide })}${className ? ` ${className}` : ""}`} {...rest} />;
}
