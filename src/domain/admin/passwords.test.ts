import { describe, expect, it } from "vitest";
import { generateTemporaryPassword, passwordProblem } from "./passwords";

describe("temporary passwords", () => {
  it("are 12 unambiguous characters in three groups, different every time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateTemporaryPassword();
      expect(p).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(p).not.toMatch(/[01ilo]/);
      expect(passwordProblem(p, { phone: "13800000001" })).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});

describe("the password rule", () => {
  const phone = "13812345678";
  it.each([
    ["short1", "account.passwordTooShort"],
    ["onlyletters", "account.passwordWeak"],
    ["12345678", "account.passwordWeak"],
    ["a13812345678", "account.passwordIsPhone"],
    ["pw12345678", "account.passwordIsPhone"],
    ["x".repeat(64) + "1", "account.passwordTooLong"],
    ["Linli2026go", null],
  ])("%s → %s", (password, expected) => {
    expect(passwordProblem(password, { phone })).toBe(expected);
  });
});
