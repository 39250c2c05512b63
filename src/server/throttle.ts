// Budgets for acts that disclose something or cost something, kept in PostgreSQL by
// rate-limiter-flexible (the store sign-in throttling uses), so that every process of the
// portal counts against the same budget.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/server/db/client";

export type Budget = RateLimiterPrisma;

export function budget(keyPrefix: string, points: number, durationSeconds: number): Budget {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: "rateLimiterFlexible",
    keyPrefix,
    points,
    duration: durationSeconds,
    clearExpiredByTimeout: false,
  });
}

/** Spends `points` of the key's budget; false (and nothing spent beyond it) when it is exhausted. */
export async function spend(limiter: Budget, key: string, points = 1): Promise<boolean> {
  try {
    await limiter.consume(key, points);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}
