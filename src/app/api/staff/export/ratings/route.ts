// The ratings list as .xlsx or CSV, with the filters of /staff/ratings. Staff only (404 for
// everyone else); the rows come from the staff member's own communities, phones masked.
import { cookies } from "next/headers";
import { exportRatings } from "@/features/staff/export";
import { LOCALE_COOKIE, resolveLocale } from "@/i18n/locales";
import { withActor } from "@/server/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withActor({ operation: "workspace.staff" }, async (request, actor) => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return exportRatings(actor, new URL(request.url).searchParams, locale);
});
