import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER, clientAddressStamped } from "@/server/http/peer";

let warned = false;

/**
 * The caller's address for throttling, as the portal's own server worked it out from the socket
 * and the trusted proxies (src/server/http/peer.ts). Under a bare `next start` or `next dev` no
 * one vouches for any header, so every caller is one unknown client.
 */
export async function clientAddress(request?: Request): Promise<string> {
  if (!clientAddressStamped()) {
    if (!warned && process.env.NODE_ENV === "production") {
      warned = true;
      console.warn("[linli] client addresses are unknown outside `npm start` (scripts/serve.ts): sign-in throttling counts all callers as one");
    }
    return "unknown";
  }
  let stamped = request?.headers.get(CLIENT_ADDRESS_HEADER) ?? null;
  if (!stamped) {
    try {
      stamped = (await headers()).get(CLIENT_ADDRESS_HEADER);
    } catch {
      stamped = null;
    }
  }
  return stamped ?? "unknown";
}
