import "server-only";
import { headers } from "next/headers";

/**
 * The caller's address for throttling. Behind a reverse proxy it sets X-Forwarded-For;
 * the last hop is the one our proxy added and so the one a client cannot forge.
 */
export async function clientAddress(request?: Request): Promise<string> {
  let forwarded = request?.headers.get("x-forwarded-for") ?? null;
  if (!forwarded) {
    try {
      forwarded = (await headers()).get("x-forwarded-for");
    } catch {
      forwarded = null;
    }
  }
  const hops = forwarded?.split(",").map((h) => h.trim()).filter(Boolean) ?? [];
  return hops.at(-1) ?? "local";
}
