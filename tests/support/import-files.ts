// Import files for the admin integration tests: CSV as Excel saves it (UTF-8 with a BOM).
import type { ImportRequest } from "@/domain/admin/import/run";

export const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);

/** A residents import of these rows under this header, into the community. */
export const residentsFile = (communityId: string, header: string, rows: string[]): ImportRequest => ({
  kind: "residents",
  communityId,
  fileName: "residents.csv",
  bytes: csv([header, ...rows]),
});
