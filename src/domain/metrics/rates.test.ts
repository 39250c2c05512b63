import { describe, expect, it } from "vitest";
import { addCounts, emptyCounts, percent, rates } from "./rates";

describe("rates", () => {
  it("divides the in-time counts by the due counts", () => {
    const r = rates({ ...emptyCounts(), responseDue: 8, respondedInTime: 6, resolutionDue: 4, resolvedInTime: 3, rated: 5, satisfied: 4, closedUnrated: 5 });
    expect(r.responseRate).toBe(0.75);
    expect(r.resolutionRate).toBe(0.75);
    expect(r.satisfactionRate).toBe(0.8);
    expect(r.unratedShare).toBe(0.5);
  });

  it("answers null, not 0 or 100%, when nothing was due", () => {
    const r = rates(emptyCounts());
    expect(r).toEqual({
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      unratedShare: null,
      avgResponseHours: null,
      avgResolutionDays: null,
    });
    expect(percent(r.responseRate)).toBe("—");
  });

  it("averages response in hours and resolution in days", () => {
    const r = rates({ ...emptyCounts(), responded: 2, responseSecondsTotal: 3 * 3600, completed: 2, resolutionSecondsTotal: 5 * 86400 });
    expect(r.avgResponseHours).toBe(1.5);
    expect(r.avgResolutionDays).toBe(2.5);
  });

  it("adds groups field by field", () => {
    const a = { ...emptyCounts(), placed: 2, rated: 1 };
    const b = { ...emptyCounts(), placed: 3, satisfied: 1 };
    expect(addCounts(a, b)).toMatchObject({ placed: 5, rated: 1, satisfied: 1 });
  });

  it("formats percentages", () => {
    expect(percent(0.8756)).toBe("87.6%");
    expect(percent(1, 0)).toBe("100%");
  });
});
