// Periodic work of the loop, run by each server process (src/instrumentation.ts). Several
// processes may run it at once: each order is closed by a status-guarded update, so only
// one of them closes it, writes its event and notifies.
import { closeUnratedOrders } from "./commands";
import { unratedCloseDays } from "./settings";

export async function runOrderHousekeeping(now = new Date()): Promise<{ closedUnrated: number }> {
  return { closedUnrated: await closeUnratedOrders(await unratedCloseDays(), now) };
}
