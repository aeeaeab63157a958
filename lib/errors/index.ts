export { AppError, HTTP_STATUS, toActionError, toAppError, type ActionError, type ActionResult, type ErrorCode } from "./app-error";
