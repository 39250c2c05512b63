// The exports behind GET /api/staff/export/*: staff only, scoped, phones masked, formulas
// neutralised, readable by Excel (UTF-8 with BOM; a real .xlsx).
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { addDays, chinaDay } from "@/domain/metrics/periods";
import { acceptOrder, completeOrder, rateOrder } from "@/domain/orders/commands";
import { exportOverview, exportRatings } from "@/features/staff/export";
import type { Actor } from "@/server/authz/permissions";
import { db } from "@/server/db/client";
import { SERVICE } from "../orders/fixture";
import { FULL_PHONE, reviewFixture } from "./review-fixture";

const FORMULA = /^[=+\-@\t\r]/;

async function csvRows(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for Chinese
  const text = new TextDecoder().decode(bytes);
  return { text, rows: Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data };
}

async function xlsxRows(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheets = workbook.worksheets.map((ws) => {
    const rows: (string | number | null)[][] = [];
    ws.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
    return rows;
  });
  return { sheets, rows: sheets[0] };
}

const ratings = (actor: Actor | null, query: string) => exportRatings(actor, new URLSearchParams(query), "zh-CN");

describe("the ratings export", () => {
  it("streams the filtered list as CSV with a Chinese file name, numbers masked, formulas neutralised", async () => {
    const { people, orders } = await reviewFixture();
    const response = await ratings(people.staffA, "format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="ratings-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1])).toMatch(/^评价列表-\d{4}-\d{2}-\d{2}\.csv$/);

    const { text, rows } = await csvRows(response);
    expect(text).not.toMatch(FULL_PHONE);
    const [header, ...body] = rows;
    expect(header.slice(0, 3)).toEqual(["单号", "标题", "类别"]);
    expect(body).toHaveLength(4);
    const requester = await db.user.findUniqueOrThrow({ where: { id: people.requester.userId } });
    const poor = body.find((r) => r[0] === String(orders.poor.number))!;
    expect(poor).toEqual([
      String(orders.poor.number),
      "'=1+1 楼道灯不亮",
      "便民服务/代办",
      "第一网格",
      "府河小区",
      "点单居民",
      "王秀英",
      `${requester.phone.slice(0, 3)}****${requester.phone.slice(-4)}`,
      "1",
      "3",
      "4",
      "4",
      "1",
      "'@SUM(A1) 请回电139****5678",
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      "回访中",
    ]);
    for (const cell of body.flat()) expect(cell).not.toMatch(FORMULA);
    expect(body.map((r) => r[13])).toEqual(expect.arrayContaining(["'-非常及时", "'+还可以"]));
  });

  it("writes the same rows to a real .xlsx", async () => {
    const { people, orders } = await reviewFixture();
    const response = await ratings(people.staffA, "format=xlsx&band=poor");
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const { rows } = await xlsxRows(response);
    expect(rows).toHaveLength(3); // header + the two poor ratings
    expect(rows[1].slice(0, 2)).toEqual([orders.poor.number, "'=1+1 楼道灯不亮"]);
    expect(rows[2].slice(5, 6)).toEqual(["邻居"]);
    const cells = rows.flat().map((c) => String(c ?? ""));
    for (const cell of cells) {
      expect(cell).not.toMatch(FULL_PHONE);
      expect(cell).not.toMatch(FORMULA);
    }
  });

  it("gives staff of one community nothing of another, and everyone else a 404", async () => {
    const { map, people, orders } = await reviewFixture();
    const { rows } = await csvRows(await ratings(people.staffB, "format=csv"));
    expect(rows.slice(1).map((r) => r[0])).toEqual([String(orders.other.number)]);
    const { rows: none } = await csvRows(await ratings(people.staffB, `format=csv&grid=${map.A1.id}`));
    expect(none).toHaveLength(1);
    for (const outsider of [null, people.workerA1, people.secretaryA1, people.requester, people.admin]) {
      const response = await ratings(outsider, "format=csv");
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("王秀英");
    }
  });

  it("masks a number typed full-width, spaced or dashed, in the title and the comment", async () => {
    const { people, place } = await (await import("../orders/fixture")).loopFixture();
    const typed = ["１３８０００００００７", "138 0000 0007", "138-0000-0007", "１３８ ００００ ０００７", "１３８００００００７"];
    const { id, number } = await place(people.requester, { categoryId: SERVICE, title: `灯坏了 请打${typed[0]}` });
    await acceptOrder(people.workerA1, id);
    await completeOrder(people.workerA1, id, { note: "已办结。" });
    await rateOrder(people.requester, id, { goal: 2, timing: 2, form: 2, conduct: 2, comment: `找我：${typed.join("，或 ")}` });
    // What someone reading the file could dial: every digit, as ASCII, separators dropped.
    const dialable = (text: string) => text.normalize("NFKC").replace(/[\s\-－—.]/g, "");
    for (const format of ["csv", "xlsx"]) {
      const response = await ratings(people.staffA, `format=${format}`);
      const rows = format === "csv" ? (await csvRows(response)).rows : (await xlsxRows(response)).rows;
      const row = rows.find((r) => String(r[0]) === String(number))!;
      expect(String(row[1])).toBe("灯坏了 请打138****0007");
      expect(String(row[13])).toContain("找我：138****0007，或 138****0007，或 138****0007，或 138****0007，或 **********");
      for (const cell of rows.flat()) {
        expect(dialable(String(cell ?? ""))).not.toMatch(/13800000007|1380000007/);
      }
    }
  });

  it("falls back to defaults on a nonsensical query instead of failing", async () => {
    const { people } = await reviewFixture();
    const response = await ratings(people.staffA, "format=pdf&band=terrible&from=2026-02-31&page=-1&grid=%27%3B--");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect((await xlsxRows(response)).rows).toHaveLength(5);
  });
});

describe("the overview export", () => {
  it("writes one row per grid and period, rates as percentages, definitions on a second sheet", async () => {
    const { people } = await reviewFixture();
    const today = chinaDay(new Date());
    const query = `format=xlsx&dimension=grid&period=all&from=${addDays(today, -30)}&to=${today}`;
    const response = await exportOverview(people.staffA, new URLSearchParams(query), "zh-CN");
    expect(response.status).toBe(200);
    const { sheets, rows } = await xlsxRows(response);
    expect(rows[0].slice(0, 7)).toEqual(["网格", "周期", "点单数", "办结数", "响应率", "解决率", "满意率"]);
    const byGrid = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(Object.keys(byGrid).sort()).toEqual(["第一网格", "第二网格"]);
    // 第一网格: two orders placed and completed, both rated by their requester, one satisfied.
    expect(byGrid["第一网格"].slice(2, 7)).toEqual([2, 2, 1, 1, 0.5]);
    expect(sheets[1].map((r) => r[0])).toEqual(expect.arrayContaining(["项目", "统计范围", "满意率"]));
    expect(sheets[1].find((r) => r[0] === "满意率")![1]).toContain("没有评价的单永远不算满意");
    expect(JSON.stringify(sheets)).not.toMatch(FULL_PHONE);

    const csv = await exportOverview(people.staffA, new URLSearchParams(query.replace("xlsx", "csv")), "zh-CN");
    const { rows: csvBody } = await csvRows(csv);
    expect(csvBody.find((r) => r[0] === "第一网格")!.slice(4, 7)).toEqual(["100.0%", "100.0%", "50.0%"]);
  });

  it("is scoped like the page and refused to everyone but staff", async () => {
    const { people } = await reviewFixture();
    const { rows } = await csvRows(await exportOverview(people.staffB, new URLSearchParams("format=csv&dimension=community&period=all"), "zh-CN"));
    expect(rows.slice(1).map((r) => r[0])).toEqual([expect.stringMatching(/^乙社区/)]);
    for (const outsider of [null, people.workerA1, people.admin]) {
      expect((await exportOverview(outsider, new URLSearchParams("format=csv"), "zh-CN")).status).toBe(404);
    }
  });
});
