import "server-only";
import { db } from "@/server/db/client";

/** Whether the database answers a trivial query, and how fast: what /api/health reports. */
export async function databaseHealth(): Promise<{ up: true; latencyMs: number } | { up: false }> {
  const started = Date.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return { up: true, latencyMs: Date.now() - started };
  } catch {
    return { up: false };
  }
}
