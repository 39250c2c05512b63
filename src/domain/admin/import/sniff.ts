// What an uploaded import file really is, from its bytes, never from its name: an .xlsx is
// a ZIP (starts with "PK\x03\x04") whose inflated size is bounded before anything unpacks
// it; a CSV is valid UTF-8 text. Everything else is refused with a message saying why.
import { ImportFileError } from "./types";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The inflated size of all parts of an .xlsx; a 5 MB sheet of text inflates to ~40 MB at most. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 5_000;

export type Sniffed = { format: "xlsx" } | { format: "csv"; text: string };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy .xls / .doc
const BINARY_MAGIC = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
];

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) throw new ImportFileError("empty");
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError("tooLarge", {}, 413);
  if (startsWith(bytes, ZIP)) {
    checkZip(bytes);
    return { format: "xlsx" };
  }
  if (startsWith(bytes, OLE)) throw new ImportFileError("legacyXls", {}, 415);
  if (BINARY_MAGIC.some((m) => startsWith(bytes, m))) throw new ImportFileError("unsupported", {}, 415);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError("notUtf8", {}, 415);
  }
  // Control characters other than tab and line ends: a binary file that happens to decode.
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text)) throw new ImportFileError("unsupported", {}, 415);
  text = text.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new ImportFileError("empty");
  return { format: "csv", text };
}

/**
 * Reads the ZIP's central directory and refuses archives that would inflate beyond
 * MAX_INFLATED_BYTES (a zip bomb), hold too many parts, or use ZIP64 (no .xlsx of 5 MB needs it).
 */
export function checkZip(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportFileError("notWorkbook", {}, 415);
  const entries = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw new ImportFileError("zipTooLarge", {}, 413);
  if (entries > MAX_ZIP_ENTRIES) throw new ImportFileError("zipTooLarge", {}, 413);
  let offset = directoryOffset;
  let inflated = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new ImportFileError("notWorkbook", {}, 415);
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) throw new ImportFileError("zipTooLarge", {}, 413);
    inflated += size;
    if (inflated > MAX_INFLATED_BYTES) throw new ImportFileError("zipTooLarge", {}, 413);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}
