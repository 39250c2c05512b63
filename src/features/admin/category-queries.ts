import "server-only";
import { oneTimePasswordDays } from "@/domain/admin/one-time-passwords";
import { unratedCloseDays } from "@/domain/orders/settings";
import { can, type Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";

/** Every category, active or not, with how many orders use it; and the settings that apply to every community. */
export async function categoriesPage(actor: Actor) {
  const [categories, days, oneTimeDays] = await Promise.all([
    db.orderCategory.findMany({
      select: {
        id: true,
        nameZh: true,
        nameEn: true,
        responseHours: true,
        resolutionDays: true,
        requiresDispatch: true,
        active: true,
        sortOrder: true,
        _count: { select: { orders: true } },
      },
      orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { nameZh: "asc" }],
    }),
    unratedCloseDays(),
    oneTimePasswordDays(),
  ]);
  return {
    categories,
    unratedCloseDays: days,
    oneTimePasswordDays: oneTimeDays,
    canEdit: can(actor, "categories.configure"),
    canEditSettings: can(actor, "settings.configure"),
  };
}
