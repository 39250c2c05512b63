import type { ImportSummary } from "@/domain/admin/import/types";
import type { Slip } from "@/domain/admin/one-time-passwords";
import type { SlipsFile } from "./slips-file";

export type ProblemLine = { line: number; column: string; message: string };

/** What POST /api/admin/import answers. */
export type ImportResponse =
  | { ok: true; mode: "check"; digest: string; fileName: string; summary: ImportSummary; problems: ProblemLine[] }
  | { ok: true; mode: "commit"; changed: boolean; summary: ImportSummary; slips: Slip[]; slipsFile: SlipsFile | null }
  | { ok: false; error: string; problems?: ProblemLine[]; summary?: ImportSummary };
