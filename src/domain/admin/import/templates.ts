// The downloadable templates: the header row of each import, as CSV (UTF-8 with a byte-order
// mark, so that Excel shows the Chinese) or as .xlsx with a second sheet explaining each
// column. Phone, unit and room columns are formatted as text so Excel keeps them as typed.
import ExcelJS from "exceljs";
import { columns } from "./columns";
import type { ImportKind } from "./types";

export const templateNames: Record<ImportKind, string> = { courtyards: "小区导入模板", buildings: "楼栋导入模板", residents: "居民导入模板" };

const notes: Record<ImportKind, Record<string, string>> = {
  courtyards: {
    grid: "本社区已有的网格名称",
    name: "在同一网格内唯一；已存在的小区会按本行更新地址和党支部",
    address: "可留空；留空时不改动已有地址",
    partyBranchName: "可留空",
  },
  buildings: {
    courtyard: "本社区已有的小区名称（请先导入小区）",
    number: "在同一小区内唯一，例如 1栋",
    units: "1–99 的整数，留空为 1",
    floors: "1–200 的整数，留空为 1",
    headName: "可留空",
    grid: "仅当本社区有同名小区时填写",
  },
  residents: {
    name: "居民姓名",
    phone: "11 位手机号；已有账号的居民按手机号匹配，不会重复创建",
    courtyard: "本社区已有的小区名称",
    building: "可留空；填写时须是该小区已有的楼栋",
    unit: "可留空，例如 1单元",
    room: "可留空，例如 302",
    grid: "仅当本社区有同名小区时填写",
    volunteer: "填「是」登记为本社区志愿者，支部书记下单时可以指派；留空或「否」不改动",
  },
};

const TEXT_COLUMNS = new Set(["phone", "unit", "room", "number"]);

export function templateCsv(kind: ImportKind): string {
  return `\uFEFF${columns[kind].map((c) => c.header).join(",")}\r\n`;
}

export async function templateXlsx(kind: ImportKind): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "邻里";
  const sheet = workbook.addWorksheet(templateNames[kind].replace("模板", ""), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns[kind].map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.example.length * 2 + 4),
    style: TEXT_COLUMNS.has(c.key) ? { numFmt: "@" } : {},
  }));
  sheet.getRow(1).font = { bold: true };

  const help = workbook.addWorksheet("填写说明");
  help.columns = [
    { header: "列名", key: "header", width: 14 },
    { header: "是否必填", key: "required", width: 10 },
    { header: "示例", key: "example", width: 24 },
    { header: "说明", key: "note", width: 60 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns[kind]) {
    help.addRow({ header: c.header, required: c.required ? "必填" : "选填", example: c.example, note: notes[kind][c.key] ?? "" });
  }
  help.addRow({});
  help.addRow({ header: "提示", note: "请在第一个工作表中填写，第一行是表头，请勿修改。先点「检查」查看每一行的问题，全部无误后再导入。" });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
