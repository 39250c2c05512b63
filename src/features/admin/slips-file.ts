import "server-only";
// The .xlsx that goes with a batch of one-time-password slips, in the reader's language,
// base64-encoded to travel inside the same answer as the slips (nothing is kept to download
// later: docs/decisions/020-one-time-passwords.md).
import { getFormatter, getTranslations } from "next-intl/server";
import type { Slip } from "@/domain/admin/one-time-passwords";
import { slipsWorkbook } from "@/domain/admin/slips-workbook";

export type SlipsFile = { name: string; base64: string };

export async function slipsFile(slips: Slip[]): Promise<SlipsFile | null> {
  if (slips.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("oneTimePasswords"), getFormatter()]);
  // A batch shares one expiry: format it once, not once per row.
  const dates = new Map<string, string>();
  const date = (iso: string) => dates.get(iso) ?? dates.set(iso, format.dateTime(new Date(iso), { dateStyle: "long", timeZone: "Asia/Shanghai" })).get(iso)!;
  const body = await slipsWorkbook(slips, {
    sheet: t("file.sheet"),
    notesSheet: t("file.notesSheet"),
    columns: { name: t("slip.name"), phone: t("slip.phone"), place: t("slip.place"), password: t("slip.password"), expiresAt: t("slip.expiresAt") },
    notes: [t("file.note1"), t("file.note2"), t("file.note3")],
    date,
  });
  return { name: t("file.name", { count: slips.length }), base64: body.toString("base64") };
}
