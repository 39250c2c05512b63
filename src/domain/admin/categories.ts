// Order categories and the loop's settings. They apply to every community, so only a
// global administrator changes them. Orders copy their deadlines when placed
// (src/domain/orders/deadlines.ts): a changed limit applies to new orders only.
import crypto from "node:crypto";
import { unratedCloseDaysSetting } from "@/domain/orders/settings";
import { writeNumberSetting } from "@/domain/settings";
import { assertCan } from "@/server/authz/scope";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { AppError, notFoundError } from "@/server/errors";
import { changes, recordAudit } from "./audit";
import { uniquely } from "./load";
import { categoryInput } from "./schemas";

const taken = (name: string) => new AppError("conflict", "admin.categoryNameTaken", { name });

export async function createCategory(actor: Actor, input: unknown) {
  assertCan(actor, "categories.configure");
  const data = categoryInput.parse(input);
  if (await db.orderCategory.findUnique({ where: { nameZh: data.nameZh } })) throw taken(data.nameZh);
  const code = `CUSTOM_${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
  return uniquely("admin.categoryNameTaken", { name: data.nameZh }, () =>
    db.$transaction(async (tx) => {
      const category = await tx.orderCategory.create({ data: { ...data, code } });
      await recordAudit(tx, actor, {
        action: "category.create",
        entityType: "category",
        entityId: category.id,
        communityId: null,
        after: { name: data.nameZh, ...data },
      });
      return { id: category.id };
    }),
  );
}

export async function updateCategory(actor: Actor, id: string, input: unknown) {
  assertCan(actor, "categories.configure");
  const data = categoryInput.parse(input);
  const category = await db.orderCategory.findUnique({ where: { id } });
  if (!category) throw notFoundError();
  const { nameZh, nameEn, responseHours, resolutionDays, requiresDispatch, active, sortOrder } = category;
  const diff = changes({ nameZh, nameEn, responseHours, resolutionDays, requiresDispatch, active, sortOrder }, data);
  if (!diff.changed) return { id };
  if (await db.orderCategory.findFirst({ where: { nameZh: data.nameZh, id: { not: id } } })) throw taken(data.nameZh);
  await uniquely("admin.categoryNameTaken", { name: data.nameZh }, () =>
    db.$transaction(async (tx) => {
      await tx.orderCategory.update({ where: { id }, data });
      await recordAudit(tx, actor, {
        action: "category.update",
        entityType: "category",
        entityId: id,
        communityId: null,
        before: { name: category.nameZh, ...diff.before },
        after: { name: data.nameZh, ...diff.after },
      });
    }),
  );
  return { id };
}

export async function setUnratedCloseDays(actor: Actor, input: unknown) {
  return { days: await writeNumberSetting(actor, unratedCloseDaysSetting, input, "days") };
}
