// Bulk import upload: multipart { file, kind, communityId, mode: "check" | "commit", digest }.
// A route handler rather than a server action because a file may be 5 MB (actions take 1 MB).
// withActor checks the Origin and the administrator; the domain checks the community scope.
// A commit that created accounts answers their one-time passwords, once: slips and an .xlsx.
import { getTranslations } from "next-intl/server";
import { checkImport, commitImport, type ImportReport } from "@/domain/admin/import/run";
import { MAX_IMPORT_BYTES } from "@/domain/admin/import/sniff";
import { ImportFileError } from "@/domain/admin/import/types";
import { BodyTooLarge, jsonResponse, readBody } from "@/features/admin/http";
import { slipsFile } from "@/features/admin/slips-file";
import { AppError } from "@/server/errors";
import { withActor } from "@/server/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

export const POST = withActor({ operation: "workspace.admin" }, async (request, actor) => {
  const t = await getTranslations("adminImport");

  let form: FormData;
  try {
    const contentType = request.headers.get("content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("multipart/form-data")) return jsonResponse({ ok: false, error: t("errors.noFile") }, 400);
    const body = await readBody(request, MAX_BODY_BYTES);
    form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLarge) return jsonResponse({ ok: false, error: t("errors.tooLarge") }, 413);
    return jsonResponse({ ok: false, error: t("errors.unreadable") }, 400);
  }
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return jsonResponse({ ok: false, error: t("errors.noFile") }, 400);

  const problemText = (report: ImportReport) =>
    report.problems.map((p) => ({
      line: p.line,
      column: p.column,
      message: t.has(`problems.${p.code}` as never) ? t(`problems.${p.code}` as never, (p.params ?? {}) as never) : p.code,
    }));
  const importRequest = {
    kind: String(form.get("kind") ?? ""),
    communityId: String(form.get("communityId") ?? ""),
    fileName: file.name || "import",
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
  try {
    if (form.get("mode") === "commit") {
      const result = await commitImport(actor, { ...importRequest, digest: String(form.get("digest") ?? "") });
      if (!result.ok) {
        return jsonResponse({ ok: false, error: t("errors.changedSinceCheck"), problems: problemText(result.report), summary: result.report.summary }, 409);
      }
      return jsonResponse({
        ok: true,
        mode: "commit",
        changed: result.changed,
        summary: result.summary,
        slips: result.slips,
        slipsFile: await slipsFile(result.slips),
      });
    }
    const report = await checkImport(actor, importRequest);
    return jsonResponse({ ok: true, mode: "check", digest: report.digest, fileName: report.fileName, summary: report.summary, problems: problemText(report) });
  } catch (error) {
    if (error instanceof ImportFileError) {
      const key = `errors.${error.code}`;
      return jsonResponse({ ok: false, error: t.has(key as never) ? t(key as never, error.params as never) : t("errors.unreadable") }, error.status);
    }
    if (error instanceof AppError && error.code === "not_found") return jsonResponse({ ok: false, error: t("errors.communityNotFound") }, 404);
    console.error("[import]", error);
    return jsonResponse({ ok: false, error: t("errors.failed") }, 500);
  }
});
