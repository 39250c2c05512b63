import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dispatchSchema, mergeSchema } from "./schemas";

const DAY = 86400_000;
const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("order command input", () => {
  it("takes any order number PostgreSQL can hold as a merge target, and refuses a larger one as no order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), (n) => {
        expect(mergeSchema.safeParse({ targetNumber: String(n), note: "" }).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 2_147_483_648n, max: 10n ** 15n }), (n) => {
        expect(messageOf(mergeSchema.safeParse({ targetNumber: String(n), note: "" }))).toBe("mergeTargetInvalid");
      }),
    );
  });

  it("takes a dispatch due date within a year and refuses one further away", () => {
    const plan = { plan: "联系物业", assignees: [{ kind: "OUTSIDE", name: "物业公司" }] };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 364 }), (days) => {
        expect(dispatchSchema.safeParse({ ...plan, dueAt: new Date(Date.now() + days * DAY).toISOString() }).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 367, max: 3_000_000 }), (days) => {
        const dueAt = new Date(Date.now() + days * DAY).toISOString();
        expect(messageOf(dispatchSchema.safeParse({ ...plan, dueAt }))).toBe("dueDateTooLate");
      }),
    );
    expect(messageOf(dispatchSchema.safeParse({ ...plan, dueAt: "+275760-09-13" }))).toBe("dueDateTooLate");
  });
});
