import "server-only";
// A sheet streamed as .xlsx (exceljs' streaming writer) or as CSV (papaparse for quoting,
// UTF-8 with a byte-order mark so that Excel shows Chinese). Every text cell passes through
// safeCell: a leading =, +, -, @, tab or CR gets an apostrophe (formula injection).
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { safeCell, type CellValue } from "@/domain/metrics/cells";
import { percent } from "@/domain/metrics/rates";
import type { ExportFormat } from "./schemas";

/** text as it is · int a whole number · percent a ratio shown as 87.5% · decimal one decimal place. */
export type ColumnKind = "text" | "int" | "percent" | "decimal";
export type Column = { header: string; width: number; kind?: ColumnKind };

export type Sheet = {
  name: string;
  columns: Column[];
  rows: AsyncIterable<CellValue[]>;
  /** A second sheet of notes (definitions, range) in the .xlsx; left out of the CSV. */
  notes?: { name: string; headers: [string, string]; rows: [string, string][] };
};

const EMPTY = "—";

function csvCell(value: CellValue, kind: ColumnKind = "text"): string {
  if (value === null) return kind === "text" ? "" : EMPTY;
  if (typeof value === "number") return kind === "percent" ? percent(value) : kind === "decimal" ? value.toFixed(1) : String(value);
  return String(safeCell(value));
}

function xlsxCell(value: CellValue, kind: ColumnKind = "text"): CellValue {
  if (value === null) return kind === "text" ? null : EMPTY;
  return typeof value === "number" ? value : safeCell(value);
}

const numFmt: Partial<Record<ColumnKind, string>> = { percent: "0.0%", decimal: "0.0", int: "0" };

async function* csvChunks(sheet: Sheet): AsyncGenerator<string> {
  const line = (cells: string[]) => Papa.unparse([cells], { newline: "\r\n" }) + "\r\n";
  yield "\uFEFF" + line(sheet.columns.map((c) => csvCell(c.header)));
  for await (const row of sheet.rows) yield line(row.map((v, i) => csvCell(v, sheet.columns[i]?.kind)));
}

function fromChunks(chunks: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error("[export] csv", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return?.(undefined);
    },
  });
}

function xlsxStream(sheet: Sheet): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "邻里";
  const write = async () => {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: String(safeCell(c.header)),
      width: c.width,
      style: numFmt[c.kind ?? "text"] ? { numFmt: numFmt[c.kind ?? "text"] } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for await (const row of sheet.rows) ws.addRow(row.map((v, i) => xlsxCell(v, sheet.columns[i]?.kind))).commit();
    ws.commit();
    if (sheet.notes) {
      const notes = workbook.addWorksheet(sheet.notes.name);
      notes.columns = [
        { header: String(safeCell(sheet.notes.headers[0])), width: 22 },
        { header: String(safeCell(sheet.notes.headers[1])), width: 100 },
      ];
      notes.getRow(1).font = { bold: true };
      for (const [term, text] of sheet.notes.rows) notes.addRow([safeCell(term), safeCell(text)]).commit();
      notes.commit();
    }
    await workbook.commit();
  };
  write().catch((error) => {
    console.error("[export] xlsx", error);
    out.destroy(error as Error);
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** `attachment` with an ASCII fallback name and the Chinese name in RFC 5987 form. */
export function contentDisposition(name: string, asciiName: string): string {
  return `attachment; filename="${asciiName.replace(/[^A-Za-z0-9._-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function download(sheet: Sheet, format: ExportFormat, name: { zh: string; ascii: string }): Response {
  const body = format === "csv" ? fromChunks(csvChunks(sheet)) : xlsxStream(sheet);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": contentTypes[format],
      "Content-Disposition": contentDisposition(`${name.zh}.${format}`, `${name.ascii}.${format}`),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export const notFoundResponse = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
