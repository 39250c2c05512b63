// The sniffed file as a table: the header row and the data rows, each with the line a
// person sees in Excel (line 1 is the header). Blank rows are skipped but keep counting.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Sniffed } from "./sniff";
import { ImportFileError, type Table, type TableRow } from "./types";

export const MAX_IMPORT_ROWS = 20_000;

const blank = (cells: string[]) => cells.every((c) => c.trim() === "");

function toTable(all: TableRow[]): Table {
  const header = all.find((r) => !blank(r.cells));
  if (!header) throw new ImportFileError("noRows");
  const rows = all.filter((r) => r.line > header.line && !blank(r.cells));
  if (rows.length === 0) throw new ImportFileError("noRows");
  if (rows.length > MAX_IMPORT_ROWS) throw new ImportFileError("tooManyRows", { max: MAX_IMPORT_ROWS }, 413);
  return { headers: header.cells, rows };
}

/** The delimiter the header line uses most: comma unless tabs or semicolons win. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/).find((l) => l.trim()) ?? "";
  const counts = [",", "\t", ";"].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function readCsv(text: string): Table {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: delimiterOf(text) });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken) throw new ImportFileError("badCsv", { line: (broken.row ?? 0) + 1 });
  return toTable(parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c ?? "") })));
}

/** A cell's value as the person sees it: formulas by their result, rich text as plain text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("text" in value) return String(value.text);
  return ""; // errors (#N/A …)
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new ImportFileError("notWorkbook", {}, 415);
  }
  // The first sheet holds the data (the template's second sheet is the instructions).
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("noRows");
  const width = Math.min(sheet.columnCount, 50);
  const all: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (all.length > MAX_IMPORT_ROWS + 1) return;
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    all.push({ line, cells });
  });
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw new ImportFileError("tooManyRows", { max: MAX_IMPORT_ROWS }, 413);
  return toTable(all);
}

export function readTable(bytes: Uint8Array, sniffed: Sniffed): Promise<Table> | Table {
  return sniffed.format === "csv" ? readCsv(sniffed.text) : readXlsx(bytes);
}
