import "server-only";
// The entry guard of every route handler (src/app/api/**), as runAction is for server actions
// and requireWorkspace for pages: a write from another site → 403; then the entry rule of
// ./auth/access.ts — signed out → 401 for a write, 404 for a read (nothing to hint at); a
// one-time password not yet replaced → 403 with the reason; without the role → 404. Only
// then does the handler run, with the actor. A test (src/server/route.test.ts) fails when a
// route handler of the app answers without it.
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/server/authz/permissions";
import { refusalOf, type Need, type Refusal } from "./auth/access";
import { currentActor } from "./auth/session";
import { isWriteMethod, sameOrigin } from "./http/origin";

type Context<P> = { params: Promise<P> };
export type GuardedHandler<P> = (request: Request, actor: Actor, context: Context<P>) => Promise<Response>;

const statusOf = (refusal: Refusal | "origin", write: boolean): number =>
  refusal === "origin" ? 403 : refusal === "unauthenticated" ? (write ? 401 : 404) : refusal === "mustChangePassword" ? 403 : 404;

const messageKey = { origin: "foreignOrigin", unauthenticated: "unauthenticated", mustChangePassword: "mustChangePassword", notFound: "notFound" } as const;

export async function refusedResponse(request: Request, refusal: Refusal | "origin"): Promise<Response> {
  const write = isWriteMethod(request.method);
  const t = await getTranslations("errors");
  // A read refused as signed out or not found says only that (the same for every reason).
  const key = !write && refusal === "unauthenticated" ? "notFound" : messageKey[refusal];
  return Response.json({ ok: false, error: t(key) }, { status: statusOf(refusal, write), headers: { "Cache-Control": "no-store" } });
}

export function withActor<P = Record<string, never>>(need: Omit<Need, "allowPendingPasswordChange">, handler: GuardedHandler<P>) {
  return async function guarded(request: Request, context: Context<P>): Promise<Response> {
    if (isWriteMethod(request.method) && !sameOrigin(request)) return refusedResponse(request, "origin");
    const actor = await currentActor();
    const refused = refusalOf(actor, need);
    if (refused) return refusedResponse(request, refused);
    return handler(request, actor!, context);
  };
}
