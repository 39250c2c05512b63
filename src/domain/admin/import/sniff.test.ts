import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkZip, MAX_IMPORT_BYTES, sniff } from "./sniff";
import { ImportFileError } from "./types";

const bytes = (text: string) => new TextEncoder().encode(text);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportFileError) return error.code;
    throw error;
  }
  return "accepted";
};

describe("sniffing an import file", () => {
  it("takes UTF-8 text as CSV, without its byte-order mark", () => {
    const result = sniff(bytes("\uFEFF姓名,手机号\n王秀英,13800000001\n"));
    expect(result).toEqual({ format: "csv", text: "姓名,手机号\n王秀英,13800000001\n" });
  });

  it("takes a real .xlsx as a workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("居民").addRow(["姓名"]);
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(sniff(file)).toEqual({ format: "xlsx" });
  });

  it.each([
    ["an empty file", new Uint8Array(), "empty"],
    ["only blank lines", bytes("\n\n  \n"), "empty"],
    ["GBK text (Excel's default CSV in China)", new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6]), "notUtf8"],
    ["UTF-16 text", new Uint8Array([0xff, 0xfe, 0x59, 0x00]), "notUtf8"],
    ["a legacy .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "legacyXls"],
    ["a PNG renamed .csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), "unsupported"],
    ["a PDF", bytes("%PDF-1.7\n"), "unsupported"],
    ["text with NUL bytes", bytes("a,b\u0000c\n"), "unsupported"],
    ["a ZIP without a directory", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), "notWorkbook"],
    ["a file over 5 MB", new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41), "tooLarge"],
  ])("refuses %s", (_, file, code) => {
    expect(codeOf(() => sniff(file))).toBe(code);
  });

  it("refuses a ZIP whose parts would inflate beyond the limit (a zip bomb)", () => {
    // One central-directory entry claiming 2 GB uncompressed, then the end record.
    const entry = new Uint8Array(46 + 1);
    const view = new DataView(entry.buffer);
    view.setUint32(0, 0x02014b50, true);
    view.setUint32(24, 2_000_000_000, true);
    view.setUint16(28, 1, true);
    const end = new Uint8Array(22);
    const endView = new DataView(end.buffer);
    endView.setUint32(0, 0x06054b50, true);
    endView.setUint16(8, 1, true);
    endView.setUint16(10, 1, true);
    endView.setUint32(12, entry.length, true);
    endView.setUint32(16, 4, true);
    const file = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...entry, ...end]);
    expect(codeOf(() => checkZip(file))).toBe("zipTooLarge");
  });
});
