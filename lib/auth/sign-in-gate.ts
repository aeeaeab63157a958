import { getSessionCookie } from "better-auth/cookies";

// The request proxy's first, cheap check: requests with no session cookie at all go to sign-in (pages)
// or get 401 (API). It proves nothing about a cookie that is present: every page, action and route
// handler checks the session itself (lib/auth/operator.ts).

/** Paths anyone may reach: sign-in itself, Better Auth's endpoints, health checks and static assets. */
const PUBLIC = [/^\/sign-in(\/|$)/, /^\/api\/auth\//, /^\/api\/health\//, /^\/api\/metrics$/, /^\/flowdeck\.svg$/, /^\/favicon\.ico$/];

export const SESSION_COOKIE_PREFIX = "flowdeck";

export type GateDecision = { kind: "pass" } | { kind: "sign-in"; location: string } | { kind: "unauthenticated" };

export function gate(pathname: string, search: string, method: string, headers: Headers): GateDecision {
  if (PUBLIC.some((pattern) => pattern.test(pathname))) return { kind: "pass" };
  if (getSessionCookie(headers, { cookiePrefix: SESSION_COOKIE_PREFIX })) return { kind: "pass" };
  // A page load is sent to sign-in and back; an API call or a form post gets a plain 401.
  if (method === "GET" && !pathname.startsWith("/api/")) {
    const next = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    return { kind: "sign-in", location: `/sign-in${next}` };
  }
  return { kind: "unauthenticated" };
}

/** Where to go after signing in: only a path on this site, never another origin (an open redirect). */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/overview";
  if (/^\/sign-in(\/|\?|$)/.test(next)) return "/overview";
  return next;
}
