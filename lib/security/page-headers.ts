import "server-only";
import { contentSecurityPolicy } from "./content-security-policy";
import { createNonce } from "./nonce";
import { STRICT_TRANSPORT_SECURITY, servedOverHttps } from "./transport";

/** The request header the root layout reads the nonce from, for Flowdeck's own inline script. */
export const NONCE_HEADER = "x-nonce";

export type PageHeaders = {
  /** The incoming headers plus the policy, which Next parses to nonce its own scripts while rendering. */
  request: Headers;
  /** What the browser receives on top of the static headers in next.config.mjs. */
  response: Record<string, string>;
};

/** A fresh nonce and the headers that carry it, for one request through the proxy (`protocol` as in "https:"). */
export function pageHeaders(incoming: Headers, protocol: string, development: boolean): PageHeaders {
  const nonce = createNonce();
  const https = servedOverHttps(incoming, protocol);
  const policy = contentSecurityPolicy({ nonce, development, https });
  const request = new Headers(incoming);
  request.set(NONCE_HEADER, nonce);
  request.set("content-security-policy", policy);
  // A client-sent report-only policy must not be where Next finds its nonce.
  request.delete("content-security-policy-report-only");
  const response: Record<string, string> = { "content-security-policy": policy };
  if (https) response["strict-transport-security"] = STRICT_TRANSPORT_SECURITY;
  return { request, response };
}
