import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { mapColumns } from "./columns";
import { MAX_IMPORT_ROWS, readCsv, readXlsx } from "./read";
import { ImportFileError } from "./types";

describe("reading CSV", () => {
  it("numbers lines as a spreadsheet does and skips blank rows", () => {
    const table = readCsv('姓名,手机号\n王秀英,13800000001\n\n,\n李四,"138 0000 0002"\n');
    expect(table.headers).toEqual(["姓名", "手机号"]);
    expect(table.rows).toEqual([
      { line: 2, cells: ["王秀英", "13800000001"] },
      { line: 5, cells: ["李四", "138 0000 0002"] },
    ]);
  });

  it("guesses a tab or semicolon delimiter", () => {
    expect(readCsv("姓名\t手机号\n王秀英\t13800000001\n").rows[0].cells).toEqual(["王秀英", "13800000001"]);
  });

  it("refuses an unclosed quote, naming its line", () => {
    expect(() => readCsv('姓名,手机号\n"王秀英,13800000001\n')).toThrowError(ImportFileError);
  });

  it("refuses a file with only a header, and one with too many rows", () => {
    expect(() => readCsv("姓名,手机号\n")).toThrowError(expect.objectContaining({ code: "noRows" }));
    const many = "姓名\n" + "张三\n".repeat(MAX_IMPORT_ROWS + 1);
    expect(() => readCsv(many)).toThrowError(expect.objectContaining({ code: "tooManyRows" }));
  });
});

describe("reading .xlsx", () => {
  it("reads the first sheet: numbers as digits, formulas by their result, rich text as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("居民");
    sheet.addRow(["姓名", "手机号", "房号"]);
    sheet.addRow([{ richText: [{ text: "王" }, { text: "秀英" }] }, 13800000001, { formula: "300+2", result: 302 }]);
    sheet.addRow([]);
    sheet.addRow(["李四", "13800000002", "101"]);
    workbook.addWorksheet("填写说明").addRow(["说明"]);
    const table = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(table.headers).toEqual(["姓名", "手机号", "房号"]);
    expect(table.rows).toEqual([
      { line: 2, cells: ["王秀英", "13800000001", "302"] },
      { line: 4, cells: ["李四", "13800000002", "101"] },
    ]);
  });

  it("refuses bytes that only look like a ZIP", async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).rejects.toMatchObject({ code: "notWorkbook" });
  });
});

describe("columns", () => {
  it("accepts the template's headers with marks and common variants", () => {
    const map = mapColumns("residents", { headers: ["\uFEFF姓名*", "手机号码", "小区名称（必填）", "备注", "房间号"], rows: [] });
    expect(map.index).toEqual({ name: 0, phone: 1, courtyard: 2, room: 4 });
    expect(map.label.phone).toBe("手机号码");
    expect(map.label.unit).toBe("单元");
  });

  it("names the missing required columns, and refuses a repeated one", () => {
    expect(() => mapColumns("residents", { headers: ["姓名"], rows: [] })).toThrowError(
      expect.objectContaining({ code: "missingColumns", params: { columns: "手机号、小区名称" } }),
    );
    expect(() => mapColumns("buildings", { headers: ["小区名称", "楼栋号", "楼号"], rows: [] })).toThrowError(
      expect.objectContaining({ code: "duplicateColumns" }),
    );
  });
});
