// The columns of each import file, as the downloadable templates name them. Headers are
// matched leniently: spaces, "*" and "（必填）" are ignored, and a few common variants
// (手机号码, 房间号, English names) are accepted.
import { toHalfWidth } from "../schemas";
import { ImportFileError, type ImportKind, type Table } from "./types";

export type Column = { key: string; header: string; required: boolean; aliases: string[]; example: string };

const courtyard = { key: "courtyard", header: "小区名称", aliases: ["小区", "院落", "院落名称", "小区院落", "courtyard"] };
const grid = { key: "grid", header: "网格", aliases: ["网格名称", "所属网格", "grid"] };
const building = { key: "building", header: "楼栋号", aliases: ["楼栋", "楼号", "栋号", "building"] };

export const columns: Record<ImportKind, Column[]> = {
  courtyards: [
    { ...grid, required: true, example: "第一网格" },
    { key: "name", header: "小区名称", required: true, aliases: courtyard.aliases.concat("name"), example: "府河小区" },
    { key: "address", header: "地址", required: false, aliases: ["详细地址", "address"], example: "成都市金牛区府河路88号" },
    { key: "partyBranchName", header: "党支部名称", required: false, aliases: ["党支部", "院落党支部", "partybranch"], example: "府河小区院落党支部" },
  ],
  buildings: [
    { ...courtyard, required: true, example: "府河小区" },
    { ...building, key: "number", required: true, example: "1栋" },
    { key: "units", header: "单元数", required: false, aliases: ["units"], example: "2" },
    { key: "floors", header: "层数", required: false, aliases: ["楼层数", "总层数", "floors"], example: "7" },
    { key: "headName", header: "楼栋长", required: false, aliases: ["楼栋长姓名", "buildinghead"], example: "王建华" },
    { ...grid, required: false, example: "" },
  ],
  residents: [
    { key: "name", header: "姓名", required: true, aliases: ["居民姓名", "name"], example: "王秀英" },
    { key: "phone", header: "手机号", required: true, aliases: ["手机", "手机号码", "电话", "联系电话", "phone", "mobile"], example: "13800000001" },
    { ...courtyard, required: true, example: "府河小区" },
    { ...building, required: false, example: "1栋" },
    { key: "unit", header: "单元", required: false, aliases: ["单元号", "unit"], example: "1单元" },
    { key: "room", header: "房号", required: false, aliases: ["房间号", "门牌号", "室", "room"], example: "302" },
    { ...grid, required: false, example: "" },
    { key: "volunteer", header: "志愿者", required: false, aliases: ["是否志愿者", "登记志愿者", "volunteer"], example: "否" },
  ],
};

export function headerKey(header: string): string {
  return toHalfWidth(header)
    .replace(/^\uFEFF/, "")
    .replace(/[(（](必填|选填|可选|required|optional)[)）]/gi, "")
    .replace(/[\s*_]/g, "")
    .toLowerCase();
}

export type ColumnMap = { index: Record<string, number>; label: Record<string, string> };

/** Which cell of a row holds which field; refuses a file missing a required column. */
export function mapColumns(kind: ImportKind, table: Table): ColumnMap {
  const index: Record<string, number> = {};
  const label: Record<string, string> = {};
  table.headers.forEach((header, i) => {
    const key = headerKey(header);
    if (!key) return;
    const column = columns[kind].find((c) => headerKey(c.header) === key || c.aliases.some((a) => headerKey(a) === key));
    if (!column) return; // extra columns (备注 …) are ignored
    if (column.key in index) throw new ImportFileError("duplicateColumns", { column: header.trim() });
    index[column.key] = i;
    label[column.key] = header.trim().replace(/^\uFEFF/, "");
  });
  const missing = columns[kind].filter((c) => c.required && !(c.key in index)).map((c) => c.header);
  if (missing.length) throw new ImportFileError("missingColumns", { columns: missing.join("、") });
  for (const c of columns[kind]) label[c.key] ??= c.header;
  return { index, label };
}
