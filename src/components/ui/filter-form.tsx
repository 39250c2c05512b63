// The filters above a list: a plain GET form, so it works before (and without) JavaScript and
// every view has an address that can be shared, bookmarked or exported. Its fields are the
// kit's; the page parses what comes back with parseSearchParams (src/lib/search-params.ts).
import type { ReactNode } from "react";
import { Button, ButtonLink } from "./button";
import { cardClass } from "./card";

const columns = { 1: "", 2: "sm:grid-cols-2", 3: "sm:grid-cols-3", 4: "sm:grid-cols-2 lg:grid-cols-4" };

export function FilterForm({
  action,
  label,
  search,
  columns: count = 3,
  submitLabel,
  reset,
  children,
}: {
  action: string;
  /** The form's name for screen readers; a search form whose one box has its own label needs none. */
  label?: string;
  /** A search box rather than filters: role search. */
  search?: boolean;
  columns?: keyof typeof columns;
  submitLabel: string;
  /** A link back to the unfiltered list, when something is filtered. */
  reset?: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} role={search ? "search" : undefined} aria-label={label} className={`${cardClass()} mb-6 print:hidden`}>
      <div className={`grid gap-4 ${columns[count]}`}>{children}</div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit">{submitLabel}</Button>
        {reset && (
          <ButtonLink href={reset.href} tone="secondary">
            {reset.label}
          </ButtonLink>
        )}
      </div>
    </form>
  );
}
