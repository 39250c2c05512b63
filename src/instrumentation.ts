// Runs once per server process. Starts the loop's housekeeping (closing unrated orders)
// every ten minutes. Every instance runs it; each order is closed by an update guarded by its
// status, so one process wins it (shown with two instances by `npm run bench:cluster`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.LINLI_HOUSEKEEPING === "0") return;
  const { runOrderHousekeeping } = await import("./domain/orders/housekeeping");
  const tick = () =>
    runOrderHousekeeping().catch((error: Error) => console.error("[housekeeping]", error.message));
  setTimeout(tick, 5_000).unref();
  setInterval(tick, 10 * 60_000).unref();
}
