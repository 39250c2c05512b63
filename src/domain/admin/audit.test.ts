import { describe, expect, it } from "vitest";
import { changes, scrub } from "./audit";

describe("what goes into the audit log", () => {
  it("never a password and never a whole phone number", () => {
    expect(
      scrub({
        name: "王秀英",
        passwordHash: "$argon2id$…",
        temporaryPassword: "abcd-efgh-2345",
        note: "电话13812345678，备用 +86 13912345678",
        nested: [{ phone: "13800000001" }],
      }),
    ).toEqual({ name: "王秀英", note: "电话138****5678，备用 +86 139****5678", nested: [{ phone: "138****0001" }] });
  });

  it("keeps numbers that are not phone numbers", () => {
    expect(scrub({ rows: 10000, id: "cm1x2y3z", order: "123456789012" })).toEqual({ rows: 10000, id: "cm1x2y3z", order: "123456789012" });
  });

  it("records only the fields that changed", () => {
    const diff = changes({ name: "府河小区", address: "旧址", partyBranchName: "支部" }, { name: "府河小区", address: "新址", partyBranchName: "支部" });
    expect(diff).toEqual({ before: { address: "旧址" }, after: { address: "新址" }, changed: true });
    expect(changes({ name: "甲" }, { name: "甲" }).changed).toBe(false);
  });
});
