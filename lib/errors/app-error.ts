/** The one error type Flowdeck's layers throw; its code decides the HTTP status and the action result. */
export const ERROR_CODES = ["NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN", "CONFLICT", "VALIDATION", "UNAVAILABLE", "INTERNAL"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  VALIDATION: 400,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type ActionError = { code: ErrorCode; message: string };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** Anything thrown becomes an AppError; unknown errors keep no detail for the client, only a generic line. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError("INTERNAL", "Something went wrong on the server; the error is in its log.");
}

/** Maps an error to both of its outward forms: an action result and an HTTP status. */
export function toActionError(error: unknown): { status: number; error: ActionError } {
  const appError = toAppError(error);
  return { status: HTTP_STATUS[appError.code], error: { code: appError.code, message: appError.message } };
}
