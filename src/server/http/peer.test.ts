import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, compileTrust, stampClientAddress, throttleKey } from "./peer";

const request = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

const forgery = {
  "x-forwarded-for": "203.0.113.9",
  "x-real-ip": "203.0.113.9",
  forwarded: "for=203.0.113.9",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  [CLIENT_ADDRESS_HEADER]: "203.0.113.9",
};

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, and every forwarding header a client wrote is dropped", () => {
    const req = request("::ffff:198.51.100.4", forgery);
    expect(stampClientAddress(req, compileTrust(""))).toBe("198.51.100.4");
    expect(req.headers).toEqual({ [CLIENT_ADDRESS_HEADER]: "198.51.100.4" });
  });

  it("is the socket's when the peer is not one of the trusted proxies", () => {
    const req = request("198.51.100.4", forgery);
    expect(stampClientAddress(req, compileTrust("10.0.0.0/8, loopback"))).toBe("198.51.100.4");
    expect(req.headers["x-forwarded-for"]).toBeUndefined();
  });

  it("behind trusted proxies is the first untrusted hop from the right, not what the client prepended", () => {
    const trust = compileTrust("loopback,10.0.0.0/8");
    const req = request("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.1.2.3", "x-forwarded-proto": "https" });
    expect(stampClientAddress(req, trust)).toBe("198.51.100.7");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
  });

  it("from a trusted proxy that forwards no address, or garbage, is the proxy's", () => {
    const trust = compileTrust("127.0.0.1");
    expect(stampClientAddress(request("127.0.0.1"), trust)).toBe("127.0.0.1");
    expect(stampClientAddress(request("127.0.0.1", { "x-forwarded-for": "not-an-address" }), trust)).toBe("127.0.0.1");
  });

  it("refuses a setting that names no address", () => {
    expect(() => compileTrust("10.0.0.0/8, nginx.local")).toThrow(TypeError);
    expect(() => compileTrust("10.0.0.0/33")).toThrow(TypeError);
  });
});

describe("the throttle's key for an address", () => {
  it("is an IPv4 address as it is, and an IPv6 address's /64", () => {
    expect(throttleKey("198.51.100.4")).toBe("198.51.100.4");
    expect(throttleKey("::ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(throttleKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(throttleKey("2001:db8:1:3::1")).not.toBe(throttleKey("2001:db8:1:2::1"));
  });
});
