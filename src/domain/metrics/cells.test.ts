import { describe, expect, it } from "vitest";
import { maskPhoneNumbers } from "@/domain/privacy/mask";
import { neutraliseCell, safeCell } from "./cells";

describe("neutraliseCell", () => {
  it.each(["=1+1", "+86 138", "-2", "@SUM(A1)", "\tcmd", "\rcmd", '=HYPERLINK("http://x","点我")'])("puts an apostrophe before %j", (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it.each(["", "楼道灯坏了", "138****5678", "1 = 1", " =1", "'=already", "５分"])("leaves %j as it is", (text) => {
    expect(neutraliseCell(text)).toBe(text);
  });
});

describe("maskPhoneNumbers", () => {
  it("masks every mobile number in free text, hides other long numbers, keeps short ones", () => {
    expect(maskPhoneNumbers("请回电13812345678或15900001111，谢谢")).toBe("请回电138****5678或159****1111，谢谢");
    // A mistyped mobile (ten digits) or a twelve-digit number is still someone's number.
    expect(maskPhoneNumbers("单号 123456789012 和 1381234567")).toBe("单号 123****9012 和 **********");
    expect(maskPhoneNumbers("单号 1024，花了 350 元")).toBe("单号 1024，花了 350 元");
  });
});

describe("safeCell", () => {
  it("masks, then neutralises text; numbers and empty cells pass", () => {
    expect(safeCell("=13812345678")).toBe("'=138****5678");
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell(null)).toBeNull();
    expect(safeCell("-3")).toBe("'-3");
  });
});
