// Counting acts against the volume limits (./volume-limits.ts) in PostgreSQL, shared by every
// process of the portal.
import { readNumberSetting } from "@/domain/settings";
import { AppError } from "@/server/errors";
import { budget, spend, type Budget } from "@/server/throttle";
import { volumeLimits, type VolumeLimit } from "./volume-limits";

const HOUR = 3600;

/**
 * The limit in force: its default, or the Setting row `limits.<name>` (a whole number of acts
 * in its window) where an operator has set one, e.g. a service desk that places many orders
 * for residents without a phone.
 */
async function pointsOf(name: VolumeLimit): Promise<number> {
  return readNumberSetting({ key: `limits.${name}`, fallback: volumeLimits[name].points, min: 1, max: 1_000_000, message: "invalidInput" });
}

const budgets = new Map<string, Budget>();
async function budgetOf(name: VolumeLimit): Promise<Budget> {
  const points = await pointsOf(name);
  const key = `${name}:${points}`;
  let b = budgets.get(key);
  // The same store key whatever the points, so a changed limit counts what was already spent.
  if (!b) budgets.set(key, (b = budget(`volume-${name}`, points, volumeLimits[name].seconds)));
  return b;
}

/** Counts one act against each limit; refuses (counting nothing more) when any is spent. */
export async function spendVolume(userId: string, ...names: VolumeLimit[]): Promise<void> {
  for (const [i, name] of names.entries()) {
    if (await spend(await budgetOf(name), userId)) continue;
    // Give back what the earlier limits of this act took: the act does not happen.
    for (const earlier of names.slice(0, i)) await (await budgetOf(earlier)).reward(userId, 1);
    const { seconds, message } = volumeLimits[name];
    throw new AppError("throttled", message, { hours: seconds / HOUR });
  }
}

/** Gives one act back, when it failed after its limits were counted. */
export async function refundVolume(userId: string, ...names: VolumeLimit[]): Promise<void> {
  for (const name of names) await (await budgetOf(name)).reward(userId, 1);
}
