// Photo upload for order forms: multipart field `file` → { id, width, height }. Not a server
// action: withActor checks the Origin (CSRF) and the caller; the body is bounded before it is read.
import { getTranslations } from "next-intl/server";
import { BodyTooLarge, readBody } from "@/server/http/body";
import { AppError } from "@/server/errors";
import { withActor } from "@/server/route";
import { MAX_PHOTO_BYTES, photoErrors, storePhoto } from "@/server/uploads/photos";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The photo plus room for the multipart envelope. */
const MAX_BODY_BYTES = MAX_PHOTO_BYTES + 512 * 1024;

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

function statusOf(error: AppError): number {
  if (error.message === photoErrors.tooLarge) return 413;
  if (error.message === photoErrors.unsupported) return 415;
  if (error.code === "unauthenticated") return 401;
  if (error.code === "throttled") return 429;
  return 400;
}

export const POST = withActor({}, async (request, actor) => {
  const t = await getTranslations("errors");
  const say = (key: string, params?: Record<string, string | number>) => (t.has(key as never) ? t(key as never, params as never) : t("photoFailed"));

  let file: FormDataEntryValue | null;
  try {
    const body = await readBody(request, MAX_BODY_BYTES);
    const contentType = request.headers.get("content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
      return json({ error: say("photoMissing") }, 400);
    }
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    file = form.get("file");
  } catch (error) {
    if (error instanceof BodyTooLarge) return json({ error: say(photoErrors.tooLarge) }, 413);
    return json({ error: say("photoUnreadable") }, 400);
  }
  if (!file || typeof file === "string") return json({ error: say("photoMissing") }, 400);
  if (file.size > MAX_PHOTO_BYTES) return json({ error: say(photoErrors.tooLarge) }, 413);

  try {
    const photo = await storePhoto(actor, Buffer.from(await file.arrayBuffer()));
    return json({ id: photo.id, width: photo.width, height: photo.height }, 201);
  } catch (error) {
    if (error instanceof AppError) return json({ error: say(error.message, error.params) }, statusOf(error));
    console.error("photo upload failed", error);
    return json({ error: say("photoFailed") }, 500);
  }
});
