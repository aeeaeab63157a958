import { AppError } from "@/lib/errors";

/** The call's result, or null when the broker says the topic is gone (deleted between two calls). */
export async function withoutMissing<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
