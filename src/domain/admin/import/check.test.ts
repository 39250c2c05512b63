import { describe, expect, it } from "vitest";
import { check, type World } from "./check";
import { mapColumns } from "./columns";
import { readCsv } from "./read";
import type { ImportKind } from "./types";

const world = (): World => ({
  grids: [
    { id: "g1", name: "第一网格", active: true },
    { id: "g2", name: "第二网格", active: true },
    { id: "g3", name: "旧网格", active: false },
  ],
  courtyards: [
    { id: "y1", gridId: "g1", name: "府河小区", active: true, address: "府河路88号", partyBranchName: "" },
    { id: "y2", gridId: "g2", name: "龙湖上城", active: true, address: "", partyBranchName: "" },
    { id: "y3", gridId: "g1", name: "同名小区", active: true, address: "", partyBranchName: "" },
    { id: "y4", gridId: "g2", name: "同名小区", active: true, address: "", partyBranchName: "" },
    { id: "y5", gridId: "g2", name: "停用小区", active: false, address: "", partyBranchName: "" },
  ],
  buildings: [
    { id: "b1", courtyardId: "y1", number: "1栋", active: true, units: 2, floors: 7, headName: "" },
    { id: "b2", courtyardId: "y1", number: "2栋", active: false, units: 1, floors: 6, headName: "" },
  ],
  users: new Map([
    [
      "13900000001",
      {
        id: "u1",
        name: "王秀英",
        disabled: false,
        residentOf: new Set(["y1"]),
        residences: [{ id: "r1", courtyardId: "y1", buildingId: "b1", unit: "1单元", room: "302" }],
      },
    ],
    ["13900000002", { id: "u2", name: "停用者", disabled: true, residentOf: new Set<string>(), residences: [] }],
  ]),
  unavailable: new Set(["13900000003"]),
});

const run = (kind: ImportKind, csv: string, w = world()) => {
  const table = readCsv(csv);
  return check(kind, table, mapColumns(kind, table), w);
};
const codes = (result: ReturnType<typeof run>) => result.problems.map((p) => `${p.line}:${p.column}:${p.code}`);

describe("checking residents", () => {
  it("plans new accounts, homes and roles, and leaves what is already there", () => {
    const result = run(
      "residents",
      [
        "姓名,手机号,小区名称,楼栋号,单元,房号",
        "王秀英,13900000001,府河小区,1栋,1单元,302",
        "李四,138-0000-0002,府河小区,1,2,101",
        "李四,13800000002,龙湖上城,,,",
      ].join("\n"),
    );
    expect(result.problems).toEqual([]);
    expect(result.summary).toEqual({ rows: 3, created: 2, updated: 0, unchanged: 1, newAccounts: 1 });
    if (result.kind !== "residents") throw new Error();
    expect(result.plan.newUsers).toEqual([{ phone: "13800000002", name: "李四" }]);
    expect(result.plan.residences).toEqual([
      { phone: "13800000002", courtyardId: "y1", buildingId: "b1", unit: "2单元", room: "101" },
      { phone: "13800000002", courtyardId: "y2", buildingId: null, unit: "", room: "" },
    ]);
  });

  it("updates a home that moved within the courtyard", () => {
    const result = run("residents", "姓名,手机号,小区名称,楼栋号,单元,房号\n王秀英,13900000001,府河小区,1栋,1单元,502");
    expect(result.summary).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  });

  it("lists every row's problems with line and column", () => {
    const result = run(
      "residents",
      [
        "姓名,手机号,小区名称,楼栋号",
        ",12345,府河小区,", // 2: no name, bad phone
        "张三,13800000003,不存在小区,", // 3
        "张三,13800000004,同名小区,", // 4: ambiguous
        "张三,13800000005,停用小区,", // 5
        "张三,13800000006,府河小区,9栋", // 6
        "张三,13800000007,府河小区,2栋", // 7: inactive building
        "张三,13800000008,府河小区,", // 8
        "张三,13800000008,府河小区,", // 9: duplicate of 8
        "李四,13800000008,龙湖上城,", // 10: same phone, other name
        "王五,13900000001,龙湖上城,", // 11: existing account, other name
        "停用者,13900000002,龙湖上城,", // 12: disabled account
        "赵六,13800000009,同名小区,", // 13: ambiguous again
      ].join("\n"),
    );
    expect(codes(result)).toEqual([
      "2:姓名:required",
      "2:手机号:phoneFormat",
      "3:小区名称:courtyardNotFound",
      "4:小区名称:courtyardAmbiguous",
      "5:小区名称:courtyardInactive",
      "6:楼栋号:buildingNotFound",
      "7:楼栋号:buildingInactive",
      "9:手机号:duplicateRow",
      "10:姓名:phoneNameConflict",
      "11:姓名:existingNameMismatch",
      "12:手机号:accountDisabled",
      "13:小区名称:courtyardAmbiguous",
    ]);
    expect(result.problems.find((p) => p.line === 9)?.params).toEqual({ line: 8 });
  });

  it("answers a number taken outside the administrator's reach alike, whatever the name, and plans nothing for it", () => {
    const result = run("residents", "姓名,手机号,小区名称\n谁都行,13900000003,府河小区\n另一个名字,139 0000 0003,龙湖上城\n新人,13800000010,府河小区");
    expect(codes(result)).toEqual(["2:手机号:phoneUnavailable", "3:手机号:phoneUnavailable"]);
    expect(result.unavailable).toEqual(["13900000003"]);
    if (result.kind === "residents") expect(result.plan.newUsers.map((u) => u.phone)).toEqual(["13800000010"]);
  });

  it("registers volunteers of the community from the 志愿者 column, once per person, and never unregisters", () => {
    const w = world();
    w.users.set("13900000004", {
      id: "u4",
      name: "老志愿者",
      disabled: false,
      residentOf: new Set(["y1"]),
      residences: [{ id: "r4", courtyardId: "y1", buildingId: null, unit: "", room: "" }],
      volunteer: true,
    });
    const result = run(
      "residents",
      [
        "姓名,手机号,小区名称,志愿者",
        "新志愿者,13800000020,府河小区,是",
        "新志愿者,13800000020,龙湖上城,是",
        "王秀英,13900000001,府河小区,√",
        "老志愿者,13900000004,府河小区,否",
        "路人,13800000021,府河小区,",
        "乱填,13800000022,府河小区,也许",
      ].join("\n"),
      w,
    );
    expect(codes(result)).toEqual(["7:志愿者:yesNo"]);
    if (result.kind !== "residents") throw new Error("residents expected");
    expect(result.plan.volunteers).toEqual([{ phone: "13800000020" }, { phone: "13900000001", userId: "u1" }]);
    expect(result.summary).toMatchObject({ updated: 1, unchanged: 1 }); // 王秀英 becomes a volunteer; 老志愿者 stays one
  });

  it("settles an ambiguous courtyard with the grid column", () => {
    const result = run("residents", "姓名,手机号,小区名称,网格\n张三,13800000003,同名小区,第二网格");
    expect(result.problems).toEqual([]);
    if (result.kind === "residents") expect(result.plan.residences[0].courtyardId).toBe("y4");
  });
});

describe("checking courtyards", () => {
  it("creates, updates and leaves alone; an empty optional cell keeps the stored value", () => {
    const result = run(
      "courtyards",
      ["网格,小区名称,地址,党支部名称", "第一网格,新小区,新路1号,", "第一网格,府河小区,,府河支部", "第二网格,龙湖上城,,"].join("\n"),
    );
    expect(result.problems).toEqual([]);
    expect(result.summary).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
  });

  it("refuses unknown and deactivated grids, duplicates, and a name that lives in another grid", () => {
    const result = run(
      "courtyards",
      ["网格,小区名称", "第九网格,甲", "旧网格,乙", "第一网格,丙", "第一网格,丙", "第二网格,府河小区", "第一网格," + "长".repeat(41)].join("\n"),
    );
    expect(codes(result)).toEqual([
      "2:网格:gridNotFound",
      "3:网格:gridInactive",
      "5:小区名称:duplicateRow",
      "6:小区名称:courtyardInOtherGrid",
      "7:小区名称:tooLong",
    ]);
  });
});

describe("checking buildings", () => {
  it("matches numbers leniently and checks ranges", () => {
    const result = run(
      "buildings",
      ["小区名称,楼栋号,单元数,层数,楼栋长", "府河小区,1,2,7,", "府河小区,3栋,0,300,", "府河小区,4栋,２,18,王建华", "府河小区,4,,,"].join("\n"),
    );
    expect(codes(result)).toEqual(["3:单元数:numberRange", "3:层数:numberRange", "5:楼栋号:duplicateRow"]);
    if (result.kind === "buildings") expect(result.plan.creates).toEqual([{ courtyardId: "y1", number: "4栋", units: 2, floors: 18, headName: "王建华" }]);
    expect(result.summary).toMatchObject({ created: 1, unchanged: 1 });
  });
});
