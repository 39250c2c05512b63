import { databaseHealth } from "@/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await databaseHealth();
  const headers = { "Cache-Control": "no-store" };
  if (!database.up) return Response.json({ status: "error", database: "down" }, { status: 503, headers });
  return Response.json({ status: "ok", database: "up", latencyMs: database.latencyMs }, { headers });
}
