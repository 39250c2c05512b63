// Days and periods as staff pick them: calendar days in China time (UTC+8 all year, no
// daylight saving), written YYYY-MM-DD, and the week (from Monday) or month an order's
// placing falls in — the same keys the aggregate SQL of ./overview.ts produces.
export type Day = string;
export type Month = string;
export type TrendPeriod = "month" | "week";

const HOUR = 3600_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

const utc = (day: Day) => {
  const [, y, m, d] = DAY_PATTERN.exec(day)!;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
};
const format = (date: Date): Day => date.toISOString().slice(0, 10);

/** A real calendar day between 2000 and 2099 (no 2026-02-30). */
export function isDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match || Number(match[1]) < 2000 || Number(match[1]) > 2099) return false;
  return format(utc(value)) === value;
}

export function isMonth(value: string): boolean {
  const match = MONTH_PATTERN.exec(value);
  return !!match && isDay(`${value}-01`);
}

/** The day it is in China at that instant. */
export const chinaDay = (instant: Date): Day => format(new Date(instant.getTime() + 8 * HOUR));

/** Midnight at the start of the day in China, as an instant. */
export const startOf = (day: Day): Date => new Date(utc(day).getTime() - 8 * HOUR);

export function addDays(day: Day, days: number): Day {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

export const monthOf = (day: Day): Month => day.slice(0, 7);

export function addMonths(month: Month, months: number): Month {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The last day of the month. */
export const lastDayOf = (month: Month): Day => addDays(`${addMonths(month, 1)}-01`, -1);

/** The Monday of the day's week (PostgreSQL's date_trunc('week') starts on Monday). */
export function mondayOf(day: Day): Day {
  const weekday = (utc(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** Every period key from the one holding `from` to the one holding `to`, in order. */
export function periodKeys(kind: TrendPeriod, from: Day, to: Day): string[] {
  const keys: string[] = [];
  if (to < from) return keys;
  if (kind === "month") {
    for (let m = monthOf(from); m <= monthOf(to); m = addMonths(m, 1)) keys.push(m);
  } else {
    for (let w = mondayOf(from); w <= to; w = addDays(w, 7)) keys.push(w);
  }
  return keys;
}

/** Whole days from `from` to `to` inclusive, as the half-open instant range queries use. */
export const instants = (from: Day, to: Day) => ({ from: startOf(from), to: startOf(addDays(to, 1)) });

/** Days between two days (to − from). */
export const daysBetween = (from: Day, to: Day) => Math.round((utc(to).getTime() - utc(from).getTime()) / (24 * HOUR));
