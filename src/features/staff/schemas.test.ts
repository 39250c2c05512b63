import { describe, expect, it } from "vitest";
import { queryString } from "@/lib/search-params";
import { overviewQuery, ratingsParams, ratingsQuery, reportMonth } from "./schemas";

const now = new Date("2026-11-23T04:00:00Z");

describe("the overview's query string", () => {
  it("defaults to six months by category, up to today in China", () => {
    expect(overviewQuery({}, now)).toEqual({ dimension: "category", period: "month", from: "2026-06-01", to: "2026-11-23", page: 1, format: "xlsx" });
    expect(overviewQuery({ period: "week" }, now)).toMatchObject({ period: "week", from: "2026-09-07", to: "2026-11-23" });
  });

  it("falls back to defaults on nonsense and never throws", () => {
    const q = overviewQuery({ dimension: "street'; DROP", period: ["year"], from: "2026-02-30", to: "<script>", page: "-4", format: "pdf" }, now);
    expect(q).toEqual({ dimension: "category", period: "month", from: "2026-06-01", to: "2026-11-23", page: 1, format: "xlsx" });
  });

  it("swaps a reversed range and caps a very long one", () => {
    expect(overviewQuery(new URLSearchParams("from=2026-11-01&to=2026-10-01&dimension=grid"), now)).toMatchObject({
      dimension: "grid",
      from: "2026-10-01",
      to: "2026-11-01",
    });
    expect(overviewQuery({ from: "2000-01-01", to: "2026-11-23" }, now).from).toBe("2023-11-21");
  });
});

describe("the ratings filters", () => {
  it("keeps valid filters and drops invalid ones", () => {
    const q = ratingsQuery({
      grid: "cm123abc",
      courtyard: "../../etc",
      band: "poor",
      rater: "everyone",
      from: "2026-11-30",
      to: "2026-11-01",
      page: "3",
      format: "csv",
    });
    expect(q).toEqual({
      filters: { gridId: "cm123abc", courtyardId: undefined, categoryId: undefined, band: "poor", rater: "all", from: "2026-11-01", to: "2026-11-30" },
      page: 3,
      format: "csv",
    });
    expect(queryString(ratingsParams(q.filters))).toBe("grid=cm123abc&band=poor&from=2026-11-01&to=2026-11-30");
  });
});

describe("the report month", () => {
  it("is this month in China unless a real YYYY-MM is given", () => {
    expect(reportMonth({}, new Date("2026-11-30T17:00:00Z"))).toBe("2026-12");
    expect(reportMonth({ month: "2026-10" }, now)).toBe("2026-10");
    expect(reportMonth({ month: "2026-13" }, now)).toBe("2026-11");
  });
});
