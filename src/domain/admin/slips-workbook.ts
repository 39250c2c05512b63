// The one-time passwords of a batch as an .xlsx: one row per person, and a second sheet that
// says how to sign in. Built in memory (a few hundred kilobytes for 10,000 people) because it
// travels inside the answer that carries the secrets; nothing is kept on the server.
import { PassThrough } from "node:stream";
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
  // exceljs' streaming writer, gathered into one buffer: half the time of its in-memory workbook.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "邻里";
  const sheet = workbook.addWorksheet(texts.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const c = texts.columns;
  sheet.columns = [
    { header: c.name, width: 14 },
    { header: c.phone, width: 16 },
    { header: c.place, width: 32 },
    { header: c.password, width: 24, style: { font: { name: "Consolas", size: 12 } } },
    { header: c.expiresAt, width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  // Names and places come from an uploaded file: neutralised like every export cell.
  for (const s of slips) sheet.addRow([safeCell(s.name), s.maskedPhone, safeCell(s.place), s.password, texts.date(s.expiresAt)]).commit();
  sheet.commit();
  const notes = workbook.addWorksheet(texts.notesSheet);
  notes.columns = [{ width: 110 }];
  for (const line of texts.notes) notes.addRow([safeCell(line)]).commit();
  notes.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
