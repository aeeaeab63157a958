// The page policy: scripts run only with this response's nonce (and what they load, via 'strict-dynamic'),
// so markup injected from a message, header or span attribute can never execute.
export type PolicyOptions = {
  nonce: string;
  /** `next dev`: React's dev tooling needs eval, and dev CSS arrives as <style> elements without a nonce. */
  development: boolean;
  /** Served over https: ask the browser to upgrade any stray http:// subresource. */
  https: boolean;
};

export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'self' is ignored by browsers that honour 'strict-dynamic'; it is the fallback for those that do not.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // <style> and stylesheet links: our own CSS files and Next's nonced inline styles. In dev, a nonce here
    // would switch 'unsafe-inline' off, and the dev server's injected <style> tags carry none.
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // style="" attributes cannot carry a nonce, and React renders them (waterfall bars, gantt rows, the
    // virtualised tables' offsets). An attribute can only style, never run script, so this is the one
    // inline source allowed.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}
