import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { errorMessage, log } from "@/lib/log";
import { currentTokens, lastUseWrittenMs, noteLastUseWritten, tokensReadSince, type CachedToken } from "./token-cache";
import { hashIngestToken, isWellFormedIngestToken } from "./token-format";

export type TokenVerdict =
  | { ok: true; tokenId: string; name: string }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "revoked"; name: string };

/**
 * An unknown token waits for a read of the tokens that began after it arrived (a new one may have just been
 * created), and the tokens are read for unknown ones at most this often: a new token works at once, and
 * guessing costs the guesser up to this long per try and the database one read per interval.
 */
const MISS_RELOAD_AFTER_MS = 1_000;
/** last_used_at is a hint for operators, not a log: one write a minute per token keeps it off the hot path. */
const LAST_USE_WRITE_EVERY_MS = 60_000;

/**
 * Whether `token` is a live ingest token. Answers from a per-process copy of the token digests no older
 * than FLOWDECK_INGEST_TOKEN_CACHE_TTL (15 s), so a revoke takes effect within that bound. Throws when
 * the tokens must be read and the database does not answer (the caller refuses the export with 503).
 */
export async function verifyIngestToken(token: string): Promise<TokenVerdict> {
  // Not a token Flowdeck could have issued: no digest, no lookup.
  if (!isWellFormedIngestToken(token)) return { ok: false, reason: "unknown" };
  const arrivedMs = Date.now();
  const digest = hashIngestToken(token);
  const key = digest.toString("hex");
  let snapshot = await currentTokens(getConfig().ingestTokenCacheTtlMs);
  let entry = snapshot.byDigest.get(key);
  if (!entry && snapshot.loadedAtMs < arrivedMs) {
    snapshot = await tokensReadSince(arrivedMs, MISS_RELOAD_AFTER_MS);
    entry = snapshot.byDigest.get(key);
  }
  // The map is keyed by the digest, so lookup timing can only reveal digest bytes, which say nothing about
  // a stored token; the final comparison is constant-time all the same.
  if (!entry || !timingSafeEqual(entry.digest, digest)) return { ok: false, reason: "unknown" };
  if (entry.revoked) return { ok: false, reason: "revoked", name: entry.name };
  await recordUse(entry);
  return { ok: true, tokenId: entry.id, name: entry.name };
}

async function recordUse(entry: CachedToken): Promise<void> {
  const now = Date.now();
  const last = lastUseWrittenMs(entry.id) ?? entry.lastUsedAtMs ?? 0;
  if (now - last < LAST_USE_WRITE_EVERY_MS) return;
  noteLastUseWritten(entry.id, now);
  // The WHERE keeps several processes from writing it more than once a minute between them.
  await getPool()
    .query("UPDATE ingest_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", [entry.id])
    .catch((error: unknown) => log.warn("could not record an ingest token's last use", { token: entry.name, error: errorMessage(error) }));
}
