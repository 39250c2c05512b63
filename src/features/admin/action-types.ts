import type { ActionResult } from "@/server/action";

/** What an admin action answers: a success message key of admin.done (and a one-time secret). */
export type AdminResult = {
  done: string;
  params?: Record<string, string | number>;
  /** Shown once to the administrator, never stored or logged. */
  temporaryPassword?: string;
  phone?: string;
  id?: string;
};
export type AdminState = ActionResult<AdminResult> | null;
export type AdminAction = (previous: AdminState, form: FormData) => Promise<AdminState>;
