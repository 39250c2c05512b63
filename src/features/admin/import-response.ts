import type { ImportSummary } from "@/domain/admin/import/types";

export type ProblemLine = { line: number; column: string; message: string };

/** What POST /api/admin/import answers. */
export type ImportResponse =
  | { ok: true; mode: "check"; digest: string; fileName: string; summary: ImportSummary; problems: ProblemLine[] }
  | { ok: true; mode: "commit"; changed: boolean; summary: ImportSummary; temporaryPassword: string | null }
  | { ok: false; error: string; problems?: ProblemLine[]; summary?: ImportSummary };
