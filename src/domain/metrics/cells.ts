// What every text cell of an export goes through before it leaves the portal:
// - formula injection (OWASP "CSV injection"): a cell starting with =, +, -, @, a tab or a
//   carriage return may run as a formula when opened; a leading apostrophe makes Excel and
//   WPS show it as text;
// - phone numbers typed into free text (a comment, a title), however typed, are masked like
//   the requester's.
import { maskPhoneNumbers } from "@/domain/privacy/mask";

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CellValue = string | number | null;

/** Text is masked and neutralised; numbers and empty cells pass unchanged. */
export function safeCell(value: CellValue): CellValue {
  return typeof value === "string" ? neutraliseCell(maskPhoneNumbers(value)) : value;
}
