// An order photo, served only to those who may see its order (or its uploader while it is
// unattached); everyone else gets the same 404 as for a photo that does not exist. The bytes
// come from the photo store as a stream and go out as they arrive, never whole in memory.
import { getTranslations } from "next-intl/server";
import { withActor } from "@/server/route";
import { readPhoto } from "@/server/uploads/photos";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Plain text in the reader's language: the browser shows it when a photo is opened on its own.
const notFound = (text: string) =>
  new Response(text, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

export const GET = withActor<{ id: string }>({}, async (_request, actor, { params }) => {
  const { id } = await params;
  const t = await getTranslations("errors");
  try {
    const photo = await readPhoto(actor, id);
    if (!photo) return notFound(t("photoMissing"));
    return new Response(photo.stream, {
      status: 200,
      headers: {
        "Content-Type": "image/jpeg",
        "Content-Length": String(photo.size),
        "Cache-Control": "private, max-age=3600",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline",
      },
    });
  } catch (error) {
    console.error("photo read failed", error);
    return new Response(t("photoUnavailable"), {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
});
