// One error model: an AppError's message key is shown to the user (translated); anything
// else is logged and answered with a generic message.
export type AppErrorCode = "not_found" | "forbidden" | "invalid_input" | "conflict" | "throttled" | "unauthenticated";

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

/** Records the caller may not see are answered as if they did not exist. */
export const notFoundError = () => new AppError("not_found");
