import "server-only";
import { unratedCloseDays } from "@/domain/orders/settings";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";

/** Every category, active or not, with how many orders use it; and the loop's settings. */
export async function categoriesPage(actor: Actor) {
  const [categories, days] = await Promise.all([
    db.orderCategory.findMany({
      select: { id: true, nameZh: true, nameEn: true, responseHours: true, resolutionDays: true, requiresDispatch: true, active: true, sortOrder: true, _count: { select: { orders: true } } },
      orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { nameZh: "asc" }],
    }),
    unratedCloseDays(),
  ]);
  return { categories, unratedCloseDays: days, canEdit: can(actor, "categories.configure"), canEditSettings: can(actor, "settings.configure") };
}
