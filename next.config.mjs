// Headers that never change per request, on every response: pages, API routes, static files and the
// OTLP ingest route, which the proxy deliberately skips. The per-request CSP is set in proxy.ts.
const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Other sites learn only Flowdeck's origin, never a path (topic names, trace ids and filters live there).
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // frame-ancestors 'none' in the CSP says the same to browsers that read it; this covers the rest.
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // kafkajs, pg and Prisma's client stay as Node modules on the server rather than being bundled.
  serverExternalPackages: ["kafkajs", "pg", "pg-copy-streams", "@prisma/client", "@prisma/adapter-pg", "prom-client", "protobufjs", "@node-rs/argon2"],
  typedRoutes: false,
  // The first screen during an incident is the overview: a plain HTTP redirect, before any page renders.
  async redirects() {
    return [{ source: "/", destination: "/overview", permanent: false }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders },
      // Ingest answers protobuf or JSON, never a document: nothing in it may load or be framed.
      { source: "/api/otlp/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
