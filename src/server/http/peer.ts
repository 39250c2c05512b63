// Who is at the other end of a request. Only the socket knows, and Next.js does not pass it on:
// it fills X-Forwarded-For from the socket only when the client has not written one itself. So
// the portal's own HTTP server (scripts/serve.ts) works the address out from the socket and the
// trusted proxies (LINLI_TRUSTED_PROXIES) and hands it to the app in a header of its own, after
// removing every forwarding header an untrusted peer sent (docs/decisions/026-client-address.md).
import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

/** Set on every request by our server, after removing whatever a client sent under that name. */
export const CLIENT_ADDRESS_HEADER = "x-linli-client-address";

/** What a peer may claim about a request's path; believed only from a trusted proxy. */
export const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * LINLI_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges of the reverse proxies in
 * front of the portal, or the names loopback, linklocal, uniquelocal. Empty: no proxy is trusted.
 * Throws a TypeError naming a value that is not an address or range.
 */
export function compileTrust(setting: string | undefined): ProxyTrust {
  const entries = (setting ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return proxyaddr.compile(entries);
}

/** One spelling per address: an IPv4 client seen through an IPv6 socket is its IPv4 address. */
export function normalizeAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  return parsed.toString();
}

/**
 * The address to count a client by: IPv4 as is; IPv6 by its /64, the block one subscriber
 * usually holds (a client changing the low bits on every try is still one client).
 */
export function throttleKey(address: string): string {
  const normalized = normalizeAddress(address);
  if (!normalized) return address;
  const parsed = ipaddr.parse(normalized);
  if (parsed.kind() === "ipv4") return normalized;
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).concat([0, 0, 0, 0]);
  return `${new ipaddr.IPv6(parts).toString()}/64`;
}

/**
 * Works out the client's address and writes it into CLIENT_ADDRESS_HEADER. From an untrusted
 * peer every forwarding header is dropped first, so that Next.js fills them from the socket;
 * from a trusted proxy X-Forwarded-For is followed leftwards past the trusted hops.
 */
export function stampClientAddress(request: IncomingMessage, trust: ProxyTrust): string {
  const socketAddress = normalizeAddress(request.socket.remoteAddress ?? "") ?? "unknown";
  const fromProxy = socketAddress !== "unknown" && trust(socketAddress, 0);
  if (!fromProxy) for (const name of FORWARDING_HEADERS) delete request.headers[name];
  const claimed = fromProxy ? normalizeAddress(proxyaddr(request, trust)) : null;
  const address = claimed ?? socketAddress;
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

const STAMPING = Symbol.for("linli.client-address-stamping");

/** Our server says so once at start: every request reaching the app then carries the header. */
export function markClientAddressStamping() {
  (globalThis as Record<symbol, unknown>)[STAMPING] = true;
}

export function clientAddressStamped(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPING] === true;
}
