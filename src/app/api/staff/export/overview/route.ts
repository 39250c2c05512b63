// The overview table (per community, grid, courtyard or category, per period) as .xlsx or
// CSV. Staff only (404 for everyone else), scoped to the staff member's communities.
import { cookies } from "next/headers";
import { exportOverview } from "@/features/staff/export";
import { LOCALE_COOKIE, resolveLocale } from "@/i18n/locales";
import { currentActor } from "@/server/auth/session";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return exportOverview(await currentActor(), new URL(request.url).searchParams, locale);
}
