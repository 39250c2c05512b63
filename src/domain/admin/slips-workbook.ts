// The one-time passwords of a batch as an .xlsx: one row per person, and a second sheet that
// says how to sign in. Built in memory (a few hundred kilobytes for 10,000 people) because it
// travels inside the answer that carries the secrets; nothing is kept on the server.
import ExcelJS from "exceljs";
import { safeCell } from "@/domain/metrics/cells";
import type { Slip } from "./one-time-passwords";

export type SlipTexts = {
  sheet: string;
  notesSheet: string;
  columns: { name: string; phone: string; place: string; password: string; expiresAt: string };
  notes: string[];
  date: (iso: string) => string;
};

export async function slipsWorkbook(slips: Slip[], texts: SlipTexts): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "邻里";
  const sheet = workbook.addWorksheet(texts.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const c = texts.columns;
  sheet.columns = [
    { header: c.name, key: "name", width: 14 },
    { header: c.phone, key: "phone", width: 16 },
    { header: c.place, key: "place", width: 32 },
    { header: c.password, key: "password", width: 24, style: { font: { name: "Consolas", size: 12 } } },
    { header: c.expiresAt, key: "expiresAt", width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const s of slips) {
    // Names and places come from an uploaded file: neutralised like every export cell.
    sheet.addRow({ name: safeCell(s.name), phone: s.maskedPhone, place: safeCell(s.place), password: s.password, expiresAt: texts.date(s.expiresAt) });
  }
  const notes = workbook.addWorksheet(texts.notesSheet);
  notes.columns = [{ width: 110 }];
  for (const line of texts.notes) notes.addRow([safeCell(line)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
