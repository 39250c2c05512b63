"use client";
// Trend charts (recharts). The charts are pictures for sighted readers; the same data is
// given as a sentence (the caption) and as a table, so nothing is only visual. Lines differ
// by dash pattern and bars by outline as well as by colour.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cardClass } from "@/components/ui/card";
import { Disclosure } from "@/components/ui/disclosure";
import { NoValue, Table, Td, Th } from "@/components/ui/table";

export type TrendChartPoint = {
  period: string;
  /** Short label for the axis (11月, 11-23). */
  axis: string;
  /** Full label for the table (2026-11, 2026-11-23 起的一周). */
  label: string;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  placed: number;
  completed: number;
};

const rateKeys = ["responseRate", "resolutionRate", "satisfactionRate"] as const;
const lineStyle: Record<(typeof rateKeys)[number], { color: string; dash?: string }> = {
  responseRate: { color: "#1d4ed8" },
  resolutionRate: { color: "#9f1d20", dash: "8 4" },
  satisfactionRate: { color: "#15803d", dash: "2 4" },
};

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const shown = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);

export function TrendCharts({ points, summary }: { points: TrendChartPoint[]; summary: string }) {
  const t = useTranslations("staffReview");
  const id = useId();
  const data = points.map((p) => ({
    axis: p.axis,
    responseRate: pct(p.responseRate),
    resolutionRate: pct(p.resolutionRate),
    satisfactionRate: pct(p.satisfactionRate),
    placed: p.placed,
    completed: p.completed,
  }));
  const none = t("values.noneExplained");
  return (
    <div className="space-y-4">
      <p id={`${id}-summary`} className="text-lg">
        {summary}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <figure className={`${cardClass()} min-w-0 break-inside-avoid`} aria-describedby={`${id}-summary`}>
          <figcaption className="mb-2 font-semibold">{t("overview.ratesChart")}</figcaption>
          <div aria-hidden="true" className="h-64 w-full">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 4, left: -8 }}>
                <CartesianGrid stroke="#e5e7eb" />
                <XAxis dataKey="axis" tick={{ fill: "#374151", fontSize: 14 }} />
                <YAxis domain={[0, 100]} unit="%" tick={{ fill: "#374151", fontSize: 14 }} width={52} />
                <Tooltip formatter={(v) => (v === null || v === undefined ? "—" : `${v}%`)} />
                <Legend wrapperStyle={{ fontSize: 15 }} />
                {rateKeys.map((k) => (
                  <Line
                    key={k}
                    type="linear"
                    dataKey={k}
                    name={t(`figures.${k}`)}
                    stroke={lineStyle[k].color}
                    strokeDasharray={lineStyle[k].dash}
                    strokeWidth={3}
                    dot={{ r: 4 }}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </figure>
        <figure className={`${cardClass()} min-w-0 break-inside-avoid`} aria-describedby={`${id}-summary`}>
          <figcaption className="mb-2 font-semibold">{t("overview.countsChart")}</figcaption>
          <div aria-hidden="true" className="h-64 w-full">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 4, left: -8 }}>
                <CartesianGrid stroke="#e5e7eb" />
                <XAxis dataKey="axis" tick={{ fill: "#374151", fontSize: 14 }} />
                <YAxis allowDecimals={false} tick={{ fill: "#374151", fontSize: 14 }} width={52} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 15 }} />
                <Bar dataKey="placed" name={t("figures.placed")} fill="#9ca3af" stroke="#111827" strokeWidth={1} isAnimationActive={false} />
                <Bar dataKey="completed" name={t("figures.completed")} fill="#9f1d20" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      </div>
      <div className="print:hidden">
        <Disclosure summary={t("overview.showTable")}>
          <Table label={t("overview.tableCaption")} minWidth="md">
            <thead>
              <tr>
                <Th>{t("export.columns.period")}</Th>
                {rateKeys.map((k) => (
                  <Th key={k} numeric>
                    {t(`figures.${k}`)}
                  </Th>
                ))}
                <Th numeric>{t("figures.placed")}</Th>
                <Th numeric>{t("figures.completed")}</Th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period}>
                  <Th row>{p.label}</Th>
                  {rateKeys.map((k) => (
                    <Td key={k} numeric>
                      {shown(p[k]) ?? <NoValue label={none} />}
                    </Td>
                  ))}
                  <Td numeric>{p.placed}</Td>
                  <Td numeric>{p.completed}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Disclosure>
      </div>
    </div>
  );
}
