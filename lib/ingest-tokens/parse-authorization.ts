// Reads `Authorization: Bearer <token>` (RFC 6750 §2.1). Pure: no lookup, just the header's syntax.

export type BearerCredentials =
  | { ok: true; token: string }
  | { ok: false; reason: "missing" | "malformed" };

/** Longer than any token Flowdeck issues by far; a longer header is refused before anything else. */
const MAX_HEADER_LENGTH = 512;
// The scheme is case-insensitive (RFC 9110 §11.1); b64token is RFC 6750's token syntax.
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function parseBearerAuthorization(header: string | null): BearerCredentials {
  if (header === null || header.trim() === "") return { ok: false, reason: "missing" };
  if (header.length > MAX_HEADER_LENGTH) return { ok: false, reason: "malformed" };
  const match = BEARER.exec(header.trim());
  const token = match?.[1];
  return token === undefined ? { ok: false, reason: "malformed" } : { ok: true, token };
}
