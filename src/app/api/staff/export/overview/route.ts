// The overview table (per community, grid, courtyard or category, per period) as .xlsx or
// CSV. Staff only (404 for everyone else), scoped to the staff member's communities.
import { cookies } from "next/headers";
import { exportOverview } from "@/features/staff/export";
import { LOCALE_COOKIE, resolveLocale } from "@/i18n/locales";
import { withActor } from "@/server/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withActor({ operation: "workspace.staff" }, async (request, actor) => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return exportOverview(actor, new URL(request.url).searchParams, locale);
});
