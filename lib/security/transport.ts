// Flowdeck usually sits behind a TLS-terminating proxy, which says so in X-Forwarded-Proto.
export function servedOverHttps(headers: Headers, protocol: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || (forwarded === undefined && protocol === "https:");
}

// A year, without includeSubDomains or preload: the console must not pin sibling hosts of its domain to https.
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";
