import { defineConfig } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_OIDC_PORT, E2E_PORT, OUTAGE_BROKER_PORT, storageStateOf } from "./e2e/env";

// Debian's chromium: Playwright cannot download its own browser here.
export default defineConfig({
  testDir: "./e2e",
  workers: 1,
  reporter: [["list"]],
  timeout: 60_000,
  outputDir: "test-results",
  // Accounts are made and signed in once (e2e/auth.setup.ts); every spec starts signed in as the operator.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "console", dependencies: ["setup"], testIgnore: /auth\.setup\.ts$/, use: { storageState: storageStateOf("operator") } },
  ],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: [{
    // A real OpenID Connect provider for the single sign-on journey (e2e/sso-sign-in.spec.ts).
    command: "node e2e/support/oidc-provider.mjs",
    url: `http://127.0.0.1:${E2E_OIDC_PORT}/.well-known/openid-configuration`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: { OIDC_PORT: String(E2E_OIDC_PORT), OIDC_REDIRECT_URI: `http://127.0.0.1:${E2E_PORT}/api/auth/callback/oidc` },
  }, {
    // The whole of `npm start`: preflight, web server and worker.
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${E2E_PORT}/api/health/live`,
    reuseExistingServer: false,
    timeout: 90_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(E2E_PORT),
      FLOWDECK_WORKER_PORT: String(E2E_PORT + 1),
      DATABASE_URL: E2E_DATABASE_URL,
      // "outage" points at a throwaway broker that the outage spec starts, stops and freezes.
      FLOWDECK_CLUSTERS: "local,outage",
      KAFKA_LOCAL_BROKERS: "127.0.0.1:9092",
      KAFKA_OUTAGE_BROKERS: `127.0.0.1:${OUTAGE_BROKER_PORT}`,
      FLOWDECK_KAFKA_TIMEOUT: "4s",
      // Specs create their DLQ topics as they go: find them within seconds rather than the default 30s.
      FLOWDECK_DLQ_DISCOVERY_INTERVAL: "3s",
      // Flowdeck traces itself into itself, as an operator would run it (e2e/self-tracing.spec.ts).
      FLOWDECK_SELF_TRACING: "true",
      // The four-eyes rule, above the few messages other specs act on (e2e/four-eyes.spec.ts acts on 25).
      FLOWDECK_FOUR_EYES_ABOVE: "20",
      FLOWDECK_AUTH_SECRET: "e2e-tests-secret-not-for-production-0123456789",
      FLOWDECK_OIDC_ISSUER: `http://127.0.0.1:${E2E_OIDC_PORT}`,
      FLOWDECK_OIDC_CLIENT_ID: "flowdeck-e2e",
      FLOWDECK_OIDC_CLIENT_SECRET: "flowdeck-e2e-client-secret",
      FLOWDECK_OIDC_NAME: "Test SSO",
      FLOWDECK_OIDC_ROLE_GROUPS: JSON.stringify({ viewer: ["engineering"], operator: ["sre-oncall"], admin: ["platform-admins"] }),
    },
  }],
});
