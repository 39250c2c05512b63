// Periodic work of the loop, a recurring job of the queue (src/jobs.ts). Several servers may
// run it, even at once: each order is closed by a status-guarded update, so only one run
// closes it, writes its event and notifies (tests/integration/jobs/two-workers.test.ts); each
// stale photo is deleted by one statement that only the first run finds it in.
import { z } from "zod";
import { defineJob } from "@/server/jobs/define";
import { removeStaleUnattachedPhotos } from "@/server/uploads/photos";
import { closeUnratedOrders } from "./commands";
import { unratedCloseDays } from "./settings";

export async function runOrderHousekeeping(now = new Date()): Promise<{ closedUnrated: number; removedPhotos: number }> {
  const closedUnrated = await closeUnratedOrders(await unratedCloseDays(), now);
  return { closedUnrated, removedPhotos: await removeStaleUnattachedPhotos(now) };
}

export const orderHousekeepingJob = defineJob({
  name: "orders.housekeeping",
  data: z.object({}),
  // Every ten minutes, and shortly after each start; a failed round is the next one's work.
  schedule: { cron: "*/10 * * * *", data: {}, alsoAtStart: true },
  retry: { limit: 0, delaySeconds: 0 },
  expireInSeconds: 600,
  handle: () => runOrderHousekeeping(),
});
