import "server-only";
import { parseBearerAuthorization, verifyIngestToken } from "@/lib/ingest-tokens";
import { errorMessage, log } from "@/lib/log";
import { IngestError } from "./ingest-error";

export type AuthRejection = "missing" | "malformed" | "unknown" | "revoked";

export type ExportAuth =
  | { ok: true; tokenName: string }
  | { ok: false; reason: AuthRejection; message: string; challenge: string };

const REALM = 'Bearer realm="flowdeck-otlp"';
// RFC 6750 §3: no error code when credentials are missing; invalid_token when they do not verify.
// Unknown and revoked read the same to the client; metrics and the debug log tell them apart.
const REFUSALS: Record<AuthRejection, { message: string; challenge: string }> = {
  missing: { message: "missing credentials: send Authorization: Bearer <ingest token>", challenge: REALM },
  malformed: { message: "malformed Authorization header: expected Bearer <ingest token>", challenge: `${REALM}, error="invalid_token"` },
  unknown: { message: "the ingest token is not valid (unknown or revoked)", challenge: `${REALM}, error="invalid_token"` },
  revoked: { message: "the ingest token is not valid (unknown or revoked)", challenge: `${REALM}, error="invalid_token"` },
};

/** How long exporters should wait before retrying while the tokens cannot be read. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Checks an export's `Authorization` header against the ingest tokens, from headers alone: the body is
 * not touched. Throws IngestError 503 when the tokens cannot be read (exporters retry on it).
 */
export async function authenticateExport(authorization: string | null): Promise<ExportAuth> {
  const credentials = parseBearerAuthorization(authorization);
  if (!credentials.ok) return refusal(credentials.reason);
  let verdict: Awaited<ReturnType<typeof verifyIngestToken>>;
  try {
    verdict = await verifyIngestToken(credentials.token);
  } catch (error) {
    log.warn("ingest tokens could not be read; exports are refused until they can", { error: errorMessage(error) });
    throw new IngestError(503, "trace store unavailable: spans were not stored, retry later", RETRY_AFTER_SECONDS);
  }
  if (verdict.ok) return { ok: true, tokenName: verdict.name };
  return refusal(verdict.reason, verdict.reason === "revoked" ? verdict.name : undefined);
}

function refusal(reason: AuthRejection, tokenName?: string): ExportAuth {
  // Never the token itself: only why, and the name of a revoked one (names are not secret).
  log.debug("OTLP export refused before its body was read", { reason, ...(tokenName ? { token: tokenName } : {}) });
  return { ok: false, reason, ...REFUSALS[reason] };
}
