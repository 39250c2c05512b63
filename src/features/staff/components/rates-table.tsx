// Groups side by side: one row per community, grid, courtyard or category, each figure in
// its own column with what it is computed from under it.
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { NoValue, Table, Td, Th } from "@/components/ui/table";
import type { Figures } from "@/domain/metrics/summary";
import { useFigure, type FigureKey } from "./figures";

const columns: FigureKey[] = ["placed", "completed", "responseRate", "resolutionRate", "satisfactionRate", "unratedShare", "avgResponse", "avgResolution"];
export function RatesTable({ rows, nameHeader, caption }: { rows: (Figures & { key: string; label: string })[]; nameHeader: string; caption: string }) {
  const t = useTranslations("staffReview");
  const show = useFigure();
  if (rows.length === 0) return <Card>{t("table.empty")}</Card>;
  return (
    <Table label={caption} minWidth="lg">
      <thead>
        <tr>
          <Th>{nameHeader}</Th>
          {columns.map((c) => (
            <Th key={c} numeric>
              {t(`table.${c}`)}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="break-inside-avoid">
            <Th row nowrap>
              {row.label}
            </Th>
            {columns.map((c) => {
              const { value, basis } = show(row, c);
              return (
                <Td key={c} numeric>
                  {value ?? <NoValue label={t("values.noneExplained")} />}
                  {value !== null && basis && c !== "avgResponse" && c !== "avgResolution" && <span className="block text-base text-gray-700">{basis}</span>}
                </Td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
