// Periodic work of the loop, run by each server process (src/instrumentation.ts). Several
// processes may run it at once: each order is closed by a status-guarded update, so only
// one of them closes it, writes its event and notifies; each stale photo is deleted by one
// statement that only the first process finds it in.
import { removeStaleUnattachedPhotos } from "@/server/uploads/photos";
import { closeUnratedOrders } from "./commands";
import { unratedCloseDays } from "./settings";

export async function runOrderHousekeeping(now = new Date()): Promise<{ closedUnrated: number; removedPhotos: number }> {
  const closedUnrated = await closeUnratedOrders(await unratedCloseDays(), now);
  return { closedUnrated, removedPhotos: await removeStaleUnattachedPhotos(now) };
}
