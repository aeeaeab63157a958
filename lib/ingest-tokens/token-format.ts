// The shape of an ingest token, and its digest. Pure (no server-only): the CLI, tests and e2e fixtures
// mint tokens with the same code the server verifies them with.
import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs, config and secret scanners: "fdi_" = Flowdeck ingest. */
export const INGEST_TOKEN_PREFIX = "fdi_";
const RANDOM_BYTES = 32;
/** "fdi_" and the base64url form of 32 bytes (43 characters, no padding). */
const INGEST_TOKEN = /^fdi_[A-Za-z0-9_-]{43}$/;

/** A new token: 256 bits from the OS CSPRNG. Shown once; only its digest is kept. */
export function generateIngestToken(): string {
  return INGEST_TOKEN_PREFIX + randomBytes(RANDOM_BYTES).toString("base64url");
}

export function isWellFormedIngestToken(token: string): boolean {
  return INGEST_TOKEN.test(token);
}

/**
 * SHA-256 of the whole token. A slow, salted password hash (bcrypt, argon2) protects guessable secrets;
 * a 256-bit random token cannot be guessed, so a fast digest is as safe and keeps verification cheap on
 * every export. The digest is what the database holds and what lookups compare.
 */
export function hashIngestToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}
