// Shapes shared by the import steps: sniff → read → map columns → check (→ write).
export const importKinds = ["courtyards", "buildings", "residents"] as const;
export type ImportKind = (typeof importKinds)[number];

export type TableRow = { line: number; cells: string[] };
export type Table = { headers: string[]; rows: TableRow[] };

/** One row's problem: the line of the file, the column as its header says, and why (a message key). */
export type Problem = { line: number; column: string; code: string; params?: Record<string, string | number> };

/** The file as a whole is refused (too large, not what it claims, unreadable …). */
export class ImportFileError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: Record<string, string | number> = {},
    public readonly status = 400,
  ) {
    super(code);
    this.name = "ImportFileError";
  }
}

export type ImportSummary = { rows: number; created: number; updated: number; unchanged: number; newAccounts: number };
