import { describe, expect, it } from "vitest";
import { deadlines, dueAfter, FOLLOW_UP_DAYS, overdue } from "./deadlines";

const placed = new Date("2026-11-23T09:30:00+08:00");

describe("order time limits", () => {
  it("computes response and resolution due dates from the category", () => {
    const d = deadlines(placed, { responseHours: 24, resolutionDays: 7 });
    expect(d.responseDueAt.toISOString()).toBe("2026-11-24T01:30:00.000Z");
    expect(d.resolutionDueAt.toISOString()).toBe("2026-11-30T01:30:00.000Z");
  });

  it("crosses month and year ends", () => {
    const d = deadlines(new Date("2026-12-30T23:00:00Z"), { responseHours: 2, resolutionDays: 3 });
    expect(d.responseDueAt.toISOString()).toBe("2026-12-31T01:00:00.000Z");
    expect(d.resolutionDueAt.toISOString()).toBe("2027-01-02T23:00:00.000Z");
  });

  it("the current deadline is the response limit while placed, then the plan's or the resolution limit", () => {
    const d = { ...deadlines(placed, { responseHours: 4, resolutionDays: 5 }), resolutionDays: 5 };
    expect(dueAfter({ step: "placed" }, d, placed)).toEqual(d.responseDueAt);
    expect(dueAfter({ step: "accepted" }, d, placed)).toEqual(d.resolutionDueAt);
    const plan = new Date("2026-11-25T00:00:00Z");
    expect(dueAfter({ step: "dispatched", planDueAt: plan }, d, placed)).toEqual(plan);
  });

  it("a poor rating gives staff the follow-up limit; a send-back gives the grid a fresh resolution limit", () => {
    const d = { ...deadlines(placed, { responseHours: 4, resolutionDays: 5 }), resolutionDays: 5 };
    const now = new Date("2026-12-01T08:00:00Z");
    expect(dueAfter({ step: "reopened" }, d, now).toISOString()).toBe(`2026-12-0${1 + FOLLOW_UP_DAYS}T08:00:00.000Z`);
    expect(dueAfter({ step: "sentBack" }, d, now).toISOString()).toBe("2026-12-06T08:00:00.000Z");
  });

  it("flags lateness only for orders still waiting on work", () => {
    const dueAt = new Date("2026-11-23T10:00:00Z");
    const before = new Date("2026-11-23T09:59:59Z");
    const after = new Date("2026-11-23T10:00:01Z");
    expect(overdue({ status: "PLACED", dueAt }, before)).toBeNull();
    expect(overdue({ status: "PLACED", dueAt }, after)).toBe("response");
    expect(overdue({ status: "ACCEPTED", dueAt }, after)).toBe("resolution");
    expect(overdue({ status: "IN_PROGRESS", dueAt }, after)).toBe("resolution");
    expect(overdue({ status: "REOPENED", dueAt }, after)).toBe("resolution");
    for (const status of ["COMPLETED", "CLOSED", "DECLINED", "WITHDRAWN"] as const) {
      expect(overdue({ status, dueAt }, after)).toBeNull();
    }
  });
});
