// Groups side by side: one row per community, grid, courtyard or category, each figure in
// its own column with what it is computed from under it.
import { useTranslations } from "next-intl";
import type { Figures } from "@/domain/metrics/summary";
import { useFigure, type FigureKey } from "./figures";
import { NoValue, TableScroll } from "./ui";

const columns: FigureKey[] = ["placed", "completed", "responseRate", "resolutionRate", "satisfactionRate", "unratedShare", "avgResponse", "avgResolution"];
export function RatesTable({ rows, nameHeader, caption }: { rows: (Figures & { key: string; label: string })[]; nameHeader: string; caption: string }) {
  const t = useTranslations("staffReview");
  const show = useFigure();
  if (rows.length === 0) return <p className="rounded-xl bg-white p-4 ring-1 ring-gray-200">{t("table.empty")}</p>;
  return (
    <TableScroll label={caption}>
      <table className="w-full min-w-[44rem] border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-300">
            <th scope="col" className="p-3 font-semibold">
              {nameHeader}
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="p-3 text-right font-semibold">
                {t(`table.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-gray-200 break-inside-avoid">
              <th scope="row" className="p-3 font-medium whitespace-nowrap">
                {row.label}
              </th>
              {columns.map((c) => {
                const { value, basis } = show(row, c);
                return (
                  <td key={c} className="p-3 text-right align-top tabular-nums">
                    {value ?? <NoValue label={t("values.noneExplained")} />}
                    {value !== null && basis && c !== "avgResponse" && c !== "avgResolution" && <span className="block text-base text-gray-700">{basis}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
