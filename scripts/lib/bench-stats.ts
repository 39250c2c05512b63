// Small helpers shared by the benchmark scripts.

export type Stats = { n: number; p50: number; p95: number; p99: number; mean: number; min: number; max: number };

/** Percentiles by nearest rank, in the unit of the samples. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return {
    n: sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export const ms = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? "—" : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
export const ratio = (value: number) => `${value.toFixed(2)}×`;
