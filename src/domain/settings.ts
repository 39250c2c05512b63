// Settings that apply to every community: one row of the Setting table per key, each a whole
// number with a default. Only a global administrator changes them (settings.configure), and
// each change writes its audit row in the same transaction.
import { z } from "zod";
import { recordAudit, type Tx } from "@/domain/admin/audit";
import type { Actor } from "@/server/authz/permissions";
import { assertCan } from "@/server/authz/scope";
import { db } from "@/server/db/client";

export type NumberSetting = { key: string; fallback: number; min: number; max: number; message: string };

export async function readNumberSetting(setting: NumberSetting, client: Pick<Tx, "setting"> = db): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: setting.key } });
  const value = Number(row?.value);
  return Number.isInteger(value) && value >= setting.min && value <= setting.max ? value : setting.fallback;
}

/** A whole number from a form field ("" is not 0), within the setting's range. */
const inputOf = (setting: NumberSetting, field: string) =>
  z.object({
    [field]: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
      z.number(setting.message).int(setting.message).min(setting.min, setting.message).max(setting.max, setting.message),
    ),
  });

/** Saves the form's `field` as the setting's new value; answers the value now in force. */
export async function writeNumberSetting(actor: Actor, setting: NumberSetting, input: unknown, field: string): Promise<number> {
  assertCan(actor, "settings.configure");
  const value = inputOf(setting, field).parse(input)[field] as number;
  await db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: setting.key } });
    const before = row ? Number(row.value) : setting.fallback;
    if (before === value && row) return;
    await tx.setting.upsert({ where: { key: setting.key }, create: { key: setting.key, value }, update: { value } });
    await recordAudit(tx, actor, {
      action: "setting.update",
      entityType: "setting",
      entityId: setting.key,
      communityId: null,
      before: { name: setting.key, value: before },
      after: { name: setting.key, value },
    });
  });
  return value;
}
