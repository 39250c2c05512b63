// Cross-site request forgery: a write must come from a page of this site. Browsers send
// Origin on every cross-site POST; a request without one (curl, an old client) carries no
// ambient cookie of a victim's browser by itself, and the session cookie is SameSite=Lax.

/** The request's host as the browser addressed it (the proxy's, when one forwards). */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/** Whether the request's Origin, when it has one, is this site; "null" and opaque origins are not. */
export function sameOrigin(request: { headers: Headers }): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  try {
    return new URL(origin).host === requestHost(request.headers);
  } catch {
    return false;
  }
}

/** Methods that may change state; GET and HEAD never do (docs/security.md). */
export const isWriteMethod = (method: string) => !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
