import { db } from "@/server/db/client";

/** Days after completion before an unrated order closes as 未评价. */
export const UNRATED_CLOSE_DAYS_KEY = "orders.unratedCloseDays";
export const DEFAULT_UNRATED_CLOSE_DAYS = 7;

export async function unratedCloseDays(): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: UNRATED_CLOSE_DAYS_KEY } });
  const value = Number(row?.value);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_UNRATED_CLOSE_DAYS;
}
