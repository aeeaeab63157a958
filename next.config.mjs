/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // kafkajs, pg and Prisma's client stay as Node modules on the server rather than being bundled.
  serverExternalPackages: ["kafkajs", "pg", "pg-copy-streams", "@prisma/client", "@prisma/adapter-pg", "prom-client", "protobufjs"],
  typedRoutes: false,
};

export default nextConfig;
