// Tables of figures and lists. A wide table scrolls sideways in its own labelled region, which
// keyboard users can focus and scroll (axe scrollable-region-focusable), instead of widening
// the page on a phone or at large text; `relative` keeps the screen-reader-only texts of its
// cells inside that region. Column headers and row headers carry their scope.
import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from "react";

function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative max-w-full overflow-x-auto rounded-xl bg-white ring-1 ring-gray-200 print:overflow-visible print:ring-0"
    >
      {children}
    </div>
  );
}

const widths = { none: "", md: "min-w-[36rem]", lg: "min-w-[44rem]" };

/** A table named by its caption (shown above it, or for screen readers only). */
export function Table({
  label,
  caption = "hidden",
  minWidth = "none",
  children,
}: {
  label: string;
  caption?: "hidden" | "shown";
  minWidth?: keyof typeof widths;
  children: ReactNode;
}) {
  return (
    <TableScroll label={label}>
      <table className={`w-full border-collapse text-left ${widths[minWidth]}`}>
        <caption className={caption === "shown" ? "p-3 text-left font-semibold" : "sr-only"}>{label}</caption>
        {children}
      </table>
    </TableScroll>
  );
}

type Align = { numeric?: boolean; nowrap?: boolean };
const align = ({ numeric, nowrap }: Align) => `${numeric ? " text-right tabular-nums" : ""}${nowrap ? " whitespace-nowrap" : ""}`;

/** A column header (in <thead>) or, with `row`, the header of its row. */
export function Th({ row, numeric, nowrap, className, ...rest }: Align & { row?: boolean } & ThHTMLAttributes<HTMLTableCellElement>) {
  const look = row ? "border-b border-gray-200 p-3 align-top font-medium" : "border-b-2 border-gray-300 p-3 font-semibold";
  return <th scope={row ? "row" : "col"} className={`${look}${align({ numeric, nowrap })}${className ? ` ${className}` : ""}`} {...rest} />;
}

export function Td({ numeric, nowrap, className, ...rest }: Align & TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`border-b border-gray-200 p-3 align-top${align({ numeric, nowrap })}${className ? ` ${className}` : ""}`} {...rest} />;
}

/** An em dash read out as words: a value with nothing to compute it from. */
export function NoValue({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{label}</span>
    </>
  );
}
