// The three rates the street office judges communities by, and the figures beside them.
// Definitions are written out in docs/metrics.md and shown next to each figure.

/** Counts for one group (a community, grid, courtyard or category, in one period). */
export type Counts = {
  placed: number;
  responseDue: number;
  respondedInTime: number;
  resolutionDue: number;
  resolvedInTime: number;
  rated: number;
  satisfied: number;
  closedUnrated: number;
  completed: number;
  responseSecondsTotal: number;
  responded: number;
  resolutionSecondsTotal: number;
};

export type Rates = {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  unratedShare: number | null;
  avgResponseHours: number | null;
  avgResolutionDays: number | null;
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function rates(c: Counts): Rates {
  return {
    responseRate: ratio(c.respondedInTime, c.responseDue),
    resolutionRate: ratio(c.resolvedInTime, c.resolutionDue),
    // An order never rated is not in the numerator: it never counts as satisfied.
    satisfactionRate: ratio(c.satisfied, c.rated),
    unratedShare: ratio(c.closedUnrated, c.rated + c.closedUnrated),
    avgResponseHours: c.responded > 0 ? c.responseSecondsTotal / c.responded / 3600 : null,
    avgResolutionDays: c.completed > 0 ? c.resolutionSecondsTotal / c.completed / 86400 : null,
  };
}

export const emptyCounts = (): Counts => ({
  placed: 0,
  responseDue: 0,
  respondedInTime: 0,
  resolutionDue: 0,
  resolvedInTime: 0,
  rated: 0,
  satisfied: 0,
  closedUnrated: 0,
  completed: 0,
  responseSecondsTotal: 0,
  responded: 0,
  resolutionSecondsTotal: 0,
});

export function addCounts(a: Counts, b: Counts): Counts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** 87.5% style, or an em dash when there is nothing to divide. */
export const percent = (value: number | null, digits = 1) => (value === null ? "—" : `${(value * 100).toFixed(digits)}%`);
