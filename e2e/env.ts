// Where the end-to-end suite runs Flowdeck; scripts/test-all.sh prepares the same database.
// FLOWDECK_E2E_PORT and FLOWDECK_E2E_DATABASE_URL move it, so two checkouts can run their suites side by side.
export const E2E_PORT = Number(process.env.FLOWDECK_E2E_PORT ?? 3200);
export const E2E_DATABASE_URL = process.env.FLOWDECK_E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/flowdeck_e2e";
export const LOCAL_BROKER = "127.0.0.1:9092";
export const OUTAGE_BROKER_PORT = 19092;
// The OpenID Connect provider the single sign-on journey signs in at (e2e/support/oidc-provider.mjs).
export const E2E_OIDC_PORT = E2E_PORT + 90;

// The accounts the suite signs in as (e2e/auth.setup.ts creates them with `npm run user` and saves each
// one's signed-in browser state). Test-only passwords, on a test database.
export const E2E_USERS = {
  admin: { email: "admin@flowdeck.test", name: "Ada Admin", role: "admin", password: "e2e-admin-password-1" },
  operator: { email: "operator@flowdeck.test", name: "Otto Operator", role: "operator", password: "e2e-operator-password-1" },
  secondOperator: { email: "second-operator@flowdeck.test", name: "Sam Second", role: "operator", password: "e2e-operator-password-2" },
  viewer: { email: "viewer@flowdeck.test", name: "Vera Viewer", role: "viewer", password: "e2e-viewer-password-1" },
} as const;
export type E2EUser = { email: string; name: string; role: "viewer" | "operator" | "admin"; password: string };

/** Where each account's signed-in browser state is saved; the operator's is every spec's default. */
export const storageStateOf = (who: keyof typeof E2E_USERS) => `e2e/.auth/${who}.json`;
