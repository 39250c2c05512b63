// Small presentational pieces shared by the admin pages (server components).
import Link from "next/link";
import type { ReactNode } from "react";

export function Section({ title, id, children, actions }: { title: string; id: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-xl font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Active or deactivated, in words (never by colour alone). */
export function StateBadge({ active, activeLabel, inactiveLabel }: { active: boolean; activeLabel?: string; inactiveLabel: string }) {
  if (active && !activeLabel) return null;
  return (
    <span className={`inline-block rounded px-2 text-base ${active ? "bg-green-100 text-green-900" : "bg-gray-200 text-gray-900"}`}>
      {active ? activeLabel : inactiveLabel}
    </span>
  );
}

export function Card({ children, muted }: { children: ReactNode; muted?: boolean }) {
  return <div className={`rounded-xl p-4 ring-1 ${muted ? "bg-gray-50 ring-gray-300" : "bg-white ring-gray-200"}`}>{children}</div>;
}

/** A disclosure for an inline form ("编辑"), keyboard- and screen-reader-friendly without script. */
export function Disclosure({ summary, children, open }: { summary: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="group open:basis-full" open={open}>
      <summary className="inline-flex min-h-12 cursor-pointer list-none items-center rounded-lg bg-white px-4 text-lg font-medium text-brand-700 ring-1 ring-gray-400 hover:bg-gray-100 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="mr-1 inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        {summary}
      </summary>
      <div className="mt-3 rounded-xl border border-gray-200 bg-stone-50 p-4">{children}</div>
    </details>
  );
}

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="mb-3 inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
      <span aria-hidden="true">‹&nbsp;</span>
      {label}
    </Link>
  );
}

export function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-xl bg-white p-4 ring-1 ring-gray-200">
      <dt className="text-gray-700">{label}</dt>
      <dd className="text-2xl font-bold">{value}</dd>
    </div>
  );
}
