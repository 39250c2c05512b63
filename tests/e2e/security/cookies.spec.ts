// The cookies signing in sets (docs/security.md): the session cookie is HttpOnly, SameSite=Lax and
// scoped to the whole site; behind an https proxy (X-Forwarded-Proto, which Auth.js trusts with
// AUTH_TRUST_HOST) it is also Secure and carries the __Secure- prefix. It signs in, so it runs
// on the main server, not in the read-only sweep.
import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./sessions";

type Cookie = { name: string; attributes: string[] };
const parse = (header: string): Cookie => {
  const [pair, ...attributes] = header.split(";").map((p) => p.trim());
  return { name: pair.slice(0, pair.indexOf("=")), attributes: attributes.map((a) => a.toLowerCase()) };
};

for (const proto of ["http", "https"] as const) {
  test(`signing in over ${proto} sets HttpOnly, SameSite=Lax cookies${proto === "https" ? " that are Secure" : ""}`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: proto === "https" ? { "X-Forwarded-Proto": "https" } : {} });
    const { status, cookies } = await signInOverHttp(request, "13800000005");
    await request.dispose();
    expect(status).toBe(302);
    const parsed = cookies.map(parse);
    const session = parsed.find((c) => c.name.endsWith("authjs.session-token"));
    expect(session, "a session cookie").toBeDefined();
    expect(session!.name).toBe(proto === "https" ? "__Secure-authjs.session-token" : "authjs.session-token");
    for (const cookie of parsed) {
      expect(cookie.attributes, cookie.name).toContain("httponly");
      expect(cookie.attributes, cookie.name).toContain("samesite=lax");
      expect(cookie.attributes, cookie.name).toContain("path=/");
      if (proto === "https") expect(cookie.attributes, cookie.name).toContain("secure");
    }
  });
}
