import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether a scrape may read the metrics: always when no token is configured, otherwise only with
 * `Authorization: Bearer <token>`. Digests are compared so the check takes the same time for any guess.
 */
export function scrapeAllowed(authorization: string | null | undefined, token: string | null): boolean {
  if (token === null) return true;
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (sent === undefined) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(sent), digest(token));
}

/** The answer to a scrape without the right token. */
export const SCRAPE_REFUSED = { status: 401, body: "metrics need the bearer token set in FLOWDECK_METRICS_TOKEN\n", headers: { "www-authenticate": 'Bearer realm="flowdeck-metrics"', "content-type": "text/plain; charset=utf-8" } } as const;
