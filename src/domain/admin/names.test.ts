import { describe, expect, it } from "vitest";
import { buildingKey, findBuilding, maskName } from "./names";

describe("building numbers", () => {
  const buildings = [{ number: "1栋" }, { number: "2栋" }, { number: "12号楼" }, { number: "A座" }];
  it.each([
    ["1栋", "1栋"],
    ["1", "1栋"],
    ["１栋", "1栋"],
    ["12", "12号楼"],
    ["12栋", "12号楼"],
    ["a", "A座"],
  ])("%s names %s", (typed, stored) => {
    expect(findBuilding(buildings, typed)?.number).toBe(stored);
  });
  it("does not confuse 1 and 12", () => {
    expect(findBuilding(buildings, "3")).toBeUndefined();
    expect(buildingKey("12栋")).not.toBe(buildingKey("1栋"));
  });
});

describe("masked names", () => {
  it.each([
    ["王秀英", "王*英"],
    ["刘洋", "刘*"],
    ["欧阳娜娜", "欧**娜"],
    ["张", "*"],
  ])("%s → %s", (name, masked) => expect(maskName(name)).toBe(masked));
});
