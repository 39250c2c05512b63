// The import templates, as CSV or .xlsx. Only for administrators (404 for everyone else), and
// not to one still on a one-time password.
import { templateCsv, templateNames, templateXlsx } from "@/domain/admin/import/templates";
import { importKinds } from "@/domain/admin/import/types";
import { withActor } from "@/server/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

export const GET = withActor({ operation: "workspace.admin" }, async (request) => {
  const url = new URL(request.url);
  const kind = importKinds.find((k) => k === url.searchParams.get("kind"));
  const format = url.searchParams.get("format");
  if (!kind || (format !== "csv" && format !== "xlsx")) return notFound();

  const name = `${templateNames[kind]}.${format}`;
  const body = format === "csv" ? new TextEncoder().encode(templateCsv(kind)) : await templateXlsx(kind);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${kind}-template.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "no-store",
    },
  });
});
