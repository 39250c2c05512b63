import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskPhone, maskPhoneNumbers, maskPublicText, sensitiveIn } from "./mask";

// Digits as an input method may type them: ASCII, full-width (１), mathematical bold (𝟏).
const widths = [(d: string) => d, (d: string) => String.fromCharCode(0xff10 + Number(d)), (d: string) => String.fromCodePoint(0x1d7ce + Number(d))];
// What people put between digit groups: nothing, spaces (ideographic too), dashes (full-width too), dots.
const separators = ["", "", "", " ", "\u3000", "-", "－", "—", "."];

const mobile = fc
  .tuple(fc.constantFrom(..."3456789"), fc.array(fc.constantFrom(..."0123456789"), { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join("")}`);
/** A number as typed: each digit in some width, each gap with some separator. */
const typed = (digits: string) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: widths.length - 1 }), { minLength: digits.length, maxLength: digits.length }),
      fc.array(fc.constantFrom(...separators), { minLength: digits.length, maxLength: digits.length }),
    )
    .map(([w, s]) => [...digits].map((d, i) => (i === 0 ? "" : s[i]) + widths[w[i]](d)).join(""));
const chineseText = fc.array(fc.constantFrom(..."请联系我楼道灯坏了谢谢，。！号码是：老人家在"), { maxLength: 12 }).map((cs) => cs.join(""));
/** Every digit of the text as ASCII, separators dropped: what a reader could dial. */
const dialable = (text: string) => text.normalize("NFKC").replace(/\D/g, "");

describe("maskPhone", () => {
  it("keeps the first three and last four digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
  it("hides short numbers entirely", () => {
    expect(maskPhone("12345")).toBe("*****");
  });
  it("reads full-width and spaced digits as the same number", () => {
    fc.assert(
      fc.property(
        mobile.chain((m) => fc.tuple(fc.constant(m), typed(m))),
        ([m, t]) => maskPhone(t) === `${m.slice(0, 3)}****${m.slice(-4)}`,
      ),
    );
  });
});

describe("maskPhoneNumbers (free text shown to staff and exported)", () => {
  it("masks the examples of the review", () => {
    expect(maskPhoneNumbers("请打１３８０００００００７")).toBe("请打138****0007");
    // Ten digits is no mobile number, but a phone all the same.
    expect(maskPhoneNumbers("１３８００００００７")).toBe("**********");
    expect(maskPhoneNumbers("家里 8765 4321")).toBe("家里 **** ****");
    expect(maskPhoneNumbers("电话 138 0000 0007，谢谢")).toBe("电话 138****0007，谢谢");
    expect(maskPhoneNumbers("电话138-0000-0007")).toBe("电话138****0007");
    expect(maskPhoneNumbers("+86 138 0000 0007")).toBe("+86 138****0007");
    expect(maskPhoneNumbers("8613800000007")).toBe("86138****0007");
    expect(maskPhoneNumbers("座机028-8765 4321")).toBe("座机028****4321");
  });

  it("never lets a mobile number through, however it was typed and wherever it sits", () => {
    fc.assert(
      fc.property(
        chineseText,
        mobile.chain((m) => fc.tuple(fc.constant(m), typed(m))),
        chineseText,
        (before, [m, t], after) => {
          const masked = maskPhoneNumbers(`${before}${t}${after}`);
          return !dialable(masked).includes(m) && masked.includes(`${m.slice(0, 3)}****${m.slice(-4)}`);
        },
      ),
    );
  });

  it("leaves text without numbers exactly as it was, Chinese punctuation included", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }).filter((s) => !/\d/u.test(s.normalize("NFKC"))),
        (s) => maskPhoneNumbers(s) === s,
      ),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(chineseText, mobile.chain(typed), chineseText, (a, t, b) => {
        const once = maskPhoneNumbers(`${a}${t}${b}`);
        return maskPhoneNumbers(once) === once;
      }),
    );
  });

  it("leaves dates, amounts and order numbers alone", () => {
    for (const text of ["2026-12-02 10:30", "#1024 已合并", "花了 350 元", "3栋2单元", "cm12345678abc"]) expect(maskPhoneNumbers(text)).toBe(text);
  });
});

describe("maskPublicText (what neighbours read on the board)", () => {
  it("keeps the building, hides the door", () => {
    expect(maskPublicText("住1栋1单元302")).toBe("住1栋1单元***");
    expect(maskPublicText("住１栋１单元３０２室")).toBe("住１栋１单元***室");
    expect(maskPublicText("5号楼 2单元 1203，漏水")).toBe("5号楼 2单元 ****，漏水");
    expect(maskPublicText("我家是 1-2-302")).toBe("我家是 1-2-***");
    expect(maskPublicText("302室门口堆了杂物")).toBe("***室门口堆了杂物");
  });

  it("masks phones, and any long run of digits (an ID card, a local number)", () => {
    expect(maskPublicText("电话 138 0000 0007")).toBe("电话 138****0007");
    expect(maskPublicText("身份证510104199001011234")).toBe("身份证******************");
    expect(maskPublicText("打8765 4321")).toBe("打**** ****");
  });

  it("keeps what neighbours need to find the problem", () => {
    for (const text of ["三单元二楼的楼道灯不亮", "3栋门口的消防通道被占", "2单元5楼的灯", "12月1号开始", "1室1厅"]) expect(maskPublicText(text)).toBe(text);
  });

  it("never lets a door number or a phone through", () => {
    const door = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 101, max: 3299 }));
    fc.assert(
      fc.property(
        chineseText,
        door,
        fc.constantFrom("", "室", "号"),
        mobile.chain((m) => fc.tuple(fc.constant(m), typed(m))),
        chineseText,
        (a, [b, u, r], suffix, [m, t], z) => {
          const masked = maskPublicText(`${a}住${b}栋${u}单元${r}${suffix}，电话${t}${z}`);
          return !masked.normalize("NFKC").includes(`单元${r}`) && !dialable(masked).includes(m) && masked.includes(`${b}栋${u}单元`);
        },
      ),
    );
  });
});

describe("sensitiveIn (the order form's warning)", () => {
  it("names what a public text would show", () => {
    expect(sensitiveIn("住1栋1单元302，电话１３８０００００００７")).toEqual({ phone: true, room: true });
    expect(sensitiveIn("3栋门口的消防通道被占")).toEqual({ phone: false, room: false });
    expect(sensitiveIn("打 138-0000-0007")).toEqual({ phone: true, room: false });
  });
});
