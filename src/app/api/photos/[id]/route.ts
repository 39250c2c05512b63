// An order photo, served only to those who may see its order (or its uploader while it is
// unattached); everyone else gets the same 404 as for a photo that does not exist. The bytes
// come from the photo store as a stream and go out as they arrive, never whole in memory.
import { withActor } from "@/server/route";
import { readPhoto } from "@/server/uploads/photos";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("照片不存在。", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

export const GET = withActor<{ id: string }>({}, async (_request, actor, { params }) => {
  const { id } = await params;
  try {
    const photo = await readPhoto(actor, id);
    if (!photo) return notFound();
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
    return new Response("照片暂时无法显示，请稍后再试。", {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
});
