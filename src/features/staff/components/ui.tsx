// Small shared pieces of the staff pages: control styles, a titled section, and a wrapper
// that lets a wide table scroll sideways on a phone without widening the page.
export const controlClass = "block min-h-12 w-full min-w-0 max-w-full rounded-lg border border-gray-500 bg-white px-3 text-lg";
export const buttonClass = "inline-flex min-h-12 items-center justify-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800";
export const secondaryButtonClass =
  "inline-flex min-h-12 items-center justify-center rounded-lg border-2 border-gray-700 bg-white px-4 text-lg font-medium text-gray-900 hover:bg-gray-100";
export const linkClass = "inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4";

export function Section({ id, title, children, actions }: { id: string; title: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8 break-inside-avoid-page">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h2 id={id} className="text-xl font-bold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/**
 * A focusable, labelled scroll area: keyboard users can scroll it too (axe scrollable-region-focusable).
 * `relative` makes it the containing block of the screen-reader-only (absolutely positioned)
 * texts in its cells; otherwise those escape its clipping and widen the whole page.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative max-w-full overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200 print:overflow-visible print:ring-0">
      {children}
    </div>
  );
}

/** An em dash read out as words: a rate with nothing to divide. */
export function NoValue({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{label}</span>
    </>
  );
}
