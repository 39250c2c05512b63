// Masking personal data in what the portal shows and exports. Pure, shared by the server
// and the order form's warning.
//
// People type numbers as their input method gives them: full-width (１３８), with spaces or
// dashes, with +86. Every pattern here is matched on the NFKC form of the text, one code
// point at a time, so that a match maps back onto the characters the person typed: the
// rest of the text (full-width Chinese punctuation included) is returned untouched.

/** 13812345678 → 138****5678: enough to recognise one's own number, not to call it. */
export function maskPhone(phone: string): string {
  const digits = phone.normalize("NFKC").replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

// What may stand between the digits of one number.
const SEP = "[ \\t\\-‐‑‒–—.]";
const MOBILE = new RegExp(`(?<!\\d)((?:\\+?86${SEP}?)?)(1(?:${SEP}?\\d){10})(?!\\d)`, "g");
const LANDLINE = new RegExp(`(?<!\\d)\\(?0\\d{2,3}\\)?${SEP}?\\d{3,4}${SEP}?\\d{4}(?!\\d)`, "g");
// Any other number of seven digits or more, in groups of three or more (a local number
// without its area code, a mistyped mobile, an ID card); dates (2026-12-02) are not one.
// Letters on either side make it part of an identifier (a record id, a digest), not a number.
const LONG_NUMBER = new RegExp(`(?<![\\dA-Za-z])\\d{3,}(?:${SEP}\\d{3,})*[Xx]?(?![\\dA-Za-z])`, "g");
const LONG_ENOUGH = 7;
// A door: a room number after a building, unit or floor (住1栋1单元302, 5楼502), a room with
// 室/房 (302室), or building-unit-room written with dashes (1-2-302). Building and unit stay:
// a building-level address is what neighbours may know (decision 025).
const ROOM_AFTER_PLACE = /(?<=(?:栋|幢|座|单元|号楼|楼|层)\s*-?\s*)\d{2,4}(?!\s*(?:栋|幢|座|单元|号楼|楼|层|\d))/g;
const ROOM_WITH_SUFFIX = /(?<!\d)\d{3,4}(?=\s*(?:室|号房|房))/g;
const ROOM_DASHED = /(?<=(?<![\d-])\d{1,3}-\d{1,2}-)\d{2,4}(?![\d-])/g;

/** The text in NFKC, code point by code point, with where each character came from. */
function normalised(text: string) {
  let out = "";
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    // ASCII and the CJK ideographs are their own NFKC form: most of any text, no call needed.
    const n = cp < 0xa0 || (cp >= 0x4e00 && cp <= 0x9fff) ? text[i] : text.slice(i, i + width).normalize("NFKC");
    for (let k = 0; k < n.length; k++) {
      out += n[k];
      start.push(i);
      end.push(i + width);
    }
    i += width;
  }
  return { out, start, end };
}

/** Every pattern here needs a digit; most text has none (checked on the whole NFKC form). */
const hasDigit = (text: string) => /\d/.test(text.normalize("NFKC"));

/** Replaces each match of `pattern` in the NFKC form of `text`, in the original text. */
function replaceNormalised(text: string, pattern: RegExp, replace: (match: RegExpMatchArray) => string): string {
  if (!hasDigit(text)) return text;
  const { out, start, end } = normalised(text);
  let result = "";
  let from = 0;
  for (const m of out.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    const a = start[m.index];
    const b = end[m.index + m[0].length - 1];
    if (a < from) continue;
    result += text.slice(from, a) + replace(m);
    from = b;
  }
  return result + text.slice(from);
}

const stars = (match: string) => match.replace(/\d/g, "*");
const maskMobile = ([, prefix, number]: RegExpMatchArray) => prefix + maskPhone(number);
const maskLandline = ([match]: RegExpMatchArray) => {
  const digits = match.replace(/\D/g, "");
  // 010 and 02x are the three-digit area codes; the rest have four.
  const area = /^0[12]/.test(digits) ? 3 : 4;
  return `${digits.slice(0, area)}****${digits.slice(-4)}`;
};

/** Mobile and landline numbers only, however typed: for records that hold no resident's text. */
export function maskPhoneNumbersOnly(text: string): string {
  return replaceNormalised(replaceNormalised(text, MOBILE, maskMobile), LANDLINE, maskLandline);
}

function maskNumbers(text: string, long: (match: string, digits: string) => string): string {
  return replaceNormalised(maskPhoneNumbersOnly(text), LONG_NUMBER, ([m]) => {
    const digits = m.replace(/\D/g, "");
    return digits.length < LONG_ENOUGH ? m : long(m, digits);
  });
}

/**
 * Phone numbers typed into free text (a comment, a title, a note), as staff read and export
 * it: 138****5678 like a requester's number; any other long number hidden.
 */
export function maskPhoneNumbers(text: string): string {
  return maskNumbers(text, (m, digits) => (digits.length >= 11 ? maskPhone(digits) : stars(m)));
}

function maskRooms(text: string): string {
  return [ROOM_AFTER_PLACE, ROOM_WITH_SUFFIX, ROOM_DASHED].reduce((t, pattern) => replaceNormalised(t, pattern, ([m]) => stars(m)), text);
}

/**
 * Text a resident wrote, as anyone but its handlers reads it (the public board, a
 * neighbour's view): phones, long numbers and door numbers masked, buildings kept.
 */
export function maskPublicText(text: string): string {
  return maskRooms(maskPublicNumbers(text));
}

const maskPublicNumbers = (text: string) => maskNumbers(text, stars);

/** What publishing this text would show, before masking: for the warning on the order form. */
export function sensitiveIn(text: string): { phone: boolean; room: boolean } {
  const numbers = maskPublicNumbers(text);
  return { phone: numbers !== text, room: maskRooms(numbers) !== numbers };
}
