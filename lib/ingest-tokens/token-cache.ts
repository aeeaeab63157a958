import "server-only";
import { getPool } from "@/lib/db";

export type CachedToken = { id: string; name: string; digest: Buffer; revoked: boolean; lastUsedAtMs: number | null };
export type TokenSnapshot = { byDigest: Map<string, CachedToken>; loadedAtMs: number };

type CacheState = {
  snapshot?: TokenSnapshot;
  loading?: Promise<TokenSnapshot>;
  /** Bumped by a reset, so a load that began before it cannot install what it read. */
  generation: number;
  /** When this process last wrote last_used_at per token id (survives snapshot reloads). */
  lastUseWrittenMs: Map<string, number>;
};

// On globalThis: Next bundles route handlers separately, and every copy must share one cache.
const holder = globalThis as typeof globalThis & { __flowdeckIngestTokens?: CacheState };

function state(): CacheState {
  holder.__flowdeckIngestTokens ??= { generation: 0, lastUseWrittenMs: new Map() };
  return holder.__flowdeckIngestTokens;
}

// Every token, revoked ones too (so a refusal can say why); only digests, never a clear token. The table
// holds one row per exporter, so reading it whole every few seconds is cheaper than a query per export,
// and an unknown token — the one an attacker controls — costs no query at all.
async function load(): Promise<TokenSnapshot> {
  const startedMs = Date.now();
  const { rows } = await getPool().query<{ id: string; name: string; token_hash: Buffer; revoked: boolean; last_used_ms: number | null }>(
    `SELECT id::text, name, token_hash, revoked_at IS NOT NULL AS revoked,
            (extract(epoch FROM last_used_at) * 1000)::float8 AS last_used_ms
       FROM ingest_tokens`);
  const byDigest = new Map<string, CachedToken>();
  for (const row of rows) {
    byDigest.set(row.token_hash.toString("hex"), { id: row.id, name: row.name, digest: row.token_hash, revoked: row.revoked, lastUsedAtMs: row.last_used_ms });
  }
  // Aged from when the read began: a revoke committed before then is in it, so the TTL bounds its delay.
  return { byDigest, loadedAtMs: startedMs };
}

/** Reads the tokens again (one read at a time, shared by every caller waiting for it). */
export function reloadTokens(): Promise<TokenSnapshot> {
  const s = state();
  if (s.loading) return s.loading;
  const generation = s.generation;
  const loading = load()
    .then((snapshot) => {
      if (state().generation === generation) state().snapshot = snapshot;
      return snapshot;
    })
    .finally(() => {
      if (state().loading === loading) state().loading = undefined;
    });
  s.loading = loading;
  return loading;
}

/** The tokens as read at most `maxAgeMs` ago; throws when they must be read and the database fails. */
export async function currentTokens(maxAgeMs: number): Promise<TokenSnapshot> {
  const snapshot = state().snapshot;
  if (snapshot && Date.now() - snapshot.loadedAtMs < maxAgeMs) return snapshot;
  return reloadTokens();
}

/**
 * The tokens as read by a read that began at or after `sinceMs`, reading them at most once per
 * `minIntervalMs`: a caller that would need a read sooner waits for its turn, and callers waiting together
 * share one read. So a token created just before `sinceMs` is in the answer, and a flood of unknown tokens
 * costs at most one read per interval.
 */
export async function tokensReadSince(sinceMs: number, minIntervalMs: number): Promise<TokenSnapshot> {
  // A few rounds at most: each waits for a read already under way or starts one after the interval.
  for (;;) {
    const s = state();
    if (s.snapshot && s.snapshot.loadedAtMs >= sinceMs) return s.snapshot;
    if (s.loading) {
      const read = await s.loading;
      if (read.loadedAtMs >= sinceMs) return read;
      continue;
    }
    const wait = (s.snapshot?.loadedAtMs ?? 0) + minIntervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    else return reloadTokens();
  }
}

export function lastUseWrittenMs(id: string): number | undefined {
  return state().lastUseWrittenMs.get(id);
}

export function noteLastUseWritten(id: string, atMs: number): void {
  state().lastUseWrittenMs.set(id, atMs);
}

/**
 * Forgets every cached token, so the next verification reads them again. Revoke calls it for its own
 * process; tests call it instead of waiting out the TTL (FLOWDECK_INGEST_TOKEN_CACHE_TTL).
 */
export function resetIngestTokenCache(): void {
  const s = state();
  s.generation += 1;
  s.snapshot = undefined;
  s.loading = undefined;
  s.lastUseWrittenMs.clear();
}
