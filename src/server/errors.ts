// One error model: an AppError carries a message key of the "errors" namespace (with
// parameters) that is shown to the user, translated; anything else is logged and answered
// with a generic message.
export type AppErrorCode = "not_found" | "forbidden" | "invalid_input" | "conflict" | "throttled" | "unauthenticated";

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    /** A key of the "errors" messages. */
    message?: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

/** Records the caller may not see are answered as if they did not exist. */
export const notFoundError = () => new AppError("not_found", "notFound");

export const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
