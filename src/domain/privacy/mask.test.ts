import { describe, expect, it } from "vitest";
import { maskPhone } from "./mask";

describe("maskPhone", () => {
  it("keeps the first three and last four digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
  it("hides short numbers entirely", () => {
    expect(maskPhone("12345")).toBe("*****");
  });
});
