import { describe, expect, it } from "vitest";
import { isWriteMethod, sameOrigin } from "./origin";

const request = (headers: Record<string, string>) => ({ headers: new Headers(headers) });

describe("sameOrigin", () => {
  it("accepts this site, addressed directly or through a proxy that names the host", () => {
    expect(sameOrigin(request({ host: "linli.example:3000", origin: "http://linli.example:3000" }))).toBe(true);
    expect(sameOrigin(request({ host: "127.0.0.1:3001", "x-forwarded-host": "linli.example", origin: "https://linli.example" }))).toBe(true);
    expect(sameOrigin(request({ host: "linli.example" }))).toBe(true);
  });

  it("refuses another site, another port, and opaque origins", () => {
    expect(sameOrigin(request({ host: "linli.example", origin: "https://evil.example" }))).toBe(false);
    expect(sameOrigin(request({ host: "linli.example:3000", origin: "http://linli.example:4000" }))).toBe(false);
    expect(sameOrigin(request({ host: "linli.example", origin: "null" }))).toBe(false);
    expect(sameOrigin(request({ host: "127.0.0.1:3001", "x-forwarded-host": "linli.example", origin: "http://127.0.0.1:3001" }))).toBe(false);
  });
});

describe("isWriteMethod", () => {
  it("treats everything but GET, HEAD and OPTIONS as a write", () => {
    expect(["GET", "head", "OPTIONS"].map(isWriteMethod)).toEqual([false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE", "post"].map(isWriteMethod)).toEqual([true, true, true, true, true]);
  });
});
