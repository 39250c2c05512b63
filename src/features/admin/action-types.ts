import type { Slip } from "@/domain/admin/one-time-passwords";
import type { ActionResult } from "@/server/action";
import type { SlipsFile } from "./slips-file";

/** What an admin action answers: a success message key of admin.done (and one-time passwords). */
export type AdminResult = {
  done: string;
  params?: Record<string, string | number>;
  /** One-time passwords, shown once to the administrator as slips and an .xlsx; never stored or logged. */
  slips?: Slip[];
  slipsFile?: SlipsFile | null;
  phone?: string;
  id?: string;
};
export type AdminState = ActionResult<AdminResult> | null;
export type AdminAction = (previous: AdminState, form: FormData) => Promise<AdminState>;
