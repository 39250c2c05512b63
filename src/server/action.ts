import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import type { Actor } from "@/server/authz/permissions";
import { refusalOf, type Need } from "@/server/auth/access";
import { currentActor } from "@/server/auth/session";
import { AppError } from "@/server/errors";

/** What every server action answers: a translated message, never a stack trace. */
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * Runs a server action's work for the signed-in actor. Expected failures (bad input, a
 * record out of scope, a lost race) come back as a message in the reader's language;
 * anything else is logged and answered with a generic message.
 */
export async function runAction<T>(work: (actor: Actor) => Promise<T>, options: Pick<Need, "allowPendingPasswordChange"> = {}): Promise<ActionResult<T>> {
  const t = await getTranslations("errors");
  const say = (key: string, params: Record<string, string | number> = {}) => (t.has(key as never) ? t(key as never, params as never) : key);
  const actor = await currentActor();
  // The entry rule of pages and route handlers too; an action's operation is checked with its scope.
  const refused = refusalOf(actor, options);
  if (refused) return { ok: false, error: say(refused) };
  try {
    return { ok: true, data: await work(actor!) };
  } catch (error) {
    unstable_rethrow(error); // redirects and notFound() are Next.js control flow
    if (error instanceof ZodError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.issues) {
        const field = issue.path.join(".") || "form";
        fieldErrors[field] ??= t.has(issue.message as never) ? say(issue.message) : say("invalidInput");
      }
      return { ok: false, error: Object.values(fieldErrors)[0] ?? say("invalidInput"), fieldErrors };
    }
    if (error instanceof AppError) return { ok: false, error: say(error.message, error.params) };
    console.error("[action]", error);
    return { ok: false, error: say("generic") };
  }
}

/**
 * Whether a form action got what a form sends. The browser always sends FormData, but a direct
 * POST can send any value React encodes (text, a number, an object …) or text no form field
 * holds: a NUL character, which PostgreSQL refuses to store. Such a call is answered as invalid
 * input before any field is read, rather than failing on `form.get` or in the database.
 */
export function isFormInput(value: unknown): value is FormData {
  if (!(value instanceof FormData)) return false;
  for (const entry of value.values()) if (typeof entry === "string" && entry.includes("\u0000")) return false;
  return true;
}

/** The answer to a call whose input no form of ours produces. */
export async function invalidCall(): Promise<{ ok: false; error: string }> {
  const t = await getTranslations("errors");
  return { ok: false, error: t("invalidInput") };
}
