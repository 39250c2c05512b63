// Signed-in sessions for the sweep, made once by the setup project (signing in writes a
// session row, so it happens before the database's fingerprint is taken) and reused by every
// spec of the sweep: a spec never signs in itself.
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { CallerKey } from "./fixtures";

export const sweepStateDir = path.resolve("test-results", "sweep-state");
export const storageStateOf = (caller: CallerKey) => path.join(sweepStateDir, `${caller}.json`);
export const fingerprintFile = path.join(sweepStateDir, "fingerprint.json");

/** Signs in through Auth.js's credentials endpoint, as the sign-in form does; answers Set-Cookie. */
export async function signInOverHttp(request: APIRequestContext, phone: string, password = "Linli@2026") {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { phone, password, csrfToken },
    maxRedirects: 0,
  });
  const setCookies = (r: typeof csrf) =>
    r
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value);
  return { status: response.status(), cookies: [...setCookies(csrf), ...setCookies(response)] };
}
