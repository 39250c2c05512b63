// Links in running text and the way back to a list: underlined (a link is never told by colour
// alone) and at least 44 px tall to tap.
import Link from "next/link";
import type { ComponentProps } from "react";

export const linkClass = "inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4";

export function TextLink({ className, ...rest }: ComponentProps<typeof Link>) {
  return <Link className={`${linkClass}${className ? ` ${className}` : ""}`} {...rest} />;
}

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-2">
      <Link href={href} className={linkClass}>
        <span aria-hidden="true">‹&nbsp;</span>
        {label}
      </Link>
    </p>
  );
}
