import { describe, expect, it } from "vitest";
import { addMonths, chinaDay, instants, isDay, isMonth, lastDayOf, mondayOf, periodKeys } from "./periods";

describe("days in China time", () => {
  it("accepts only real calendar days", () => {
    expect(isDay("2026-11-23")).toBe(true);
    expect(isDay("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2026-13-01", "26-11-23", "2026-11-23T00:00", "", "1999-12-31", "２０２６-11-23"]) expect(isDay(bad)).toBe(false);
    expect(isMonth("2026-11")).toBe(true);
    expect(isMonth("2026-00")).toBe(false);
  });

  it("knows that 23:30 UTC is already the next day in China", () => {
    expect(chinaDay(new Date("2026-11-30T15:59:59Z"))).toBe("2026-11-30");
    expect(chinaDay(new Date("2026-11-30T16:00:00Z"))).toBe("2026-12-01");
  });

  it("turns a range of whole days into half-open instants at China midnight", () => {
    expect(instants("2026-11-01", "2026-11-30")).toEqual({ from: new Date("2026-10-31T16:00:00Z"), to: new Date("2026-11-30T16:00:00Z") });
  });

  it("counts months and weeks like PostgreSQL's date_trunc", () => {
    expect(addMonths("2026-11", 2)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23"); // a Monday
    expect(mondayOf("2026-11-29")).toBe("2026-11-23"); // the Sunday after it
    expect(periodKeys("month", "2026-10-15", "2027-01-02")).toEqual(["2026-10", "2026-11", "2026-12", "2027-01"]);
    expect(periodKeys("week", "2026-11-25", "2026-12-07")).toEqual(["2026-11-23", "2026-11-30", "2026-12-07"]);
    expect(periodKeys("week", "2026-12-07", "2026-11-25")).toEqual([]);
  });
});
