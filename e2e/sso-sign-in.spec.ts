// Single sign-on end to end against a real OpenID Connect provider started beside Flowdeck
// (e2e/support/oidc-provider.mjs): a member of a group mapped to operator signs in and gets the operator
// role from their ID token's groups; someone in no mapped group is refused, and both are audited.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL } from "./env";

// Starts signed out: no saved session.
test.use({ storageState: { cookies: [], origins: [] } });

async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Foverview$/);
  await page.getByRole("button", { name: "Sign in with Test SSO" }).click();
  // The provider's own login form, then its consent screen.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password: the test provider does not check it");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
}

async function lastSignIn(email: string): Promise<{ outcome: string; method: string | null; role: string | null } | undefined> {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    const { rows } = await db.query<{ outcome: string; method: string | null; role: string | null }>(
      "SELECT outcome, details->>'method' AS method, details->>'role' AS role FROM audit_events WHERE action = 'auth.sign-in' AND target = $1 ORDER BY id DESC LIMIT 1", [email]);
    return rows[0];
  } finally {
    await db.end();
  }
}

test("a member of the on-call group signs in through the identity provider as an operator, and signs out", async ({ page }) => {
  await signInAtProvider(page, "sre-alice");
  await expect(page).toHaveURL(/\/overview$/);
  const operator = page.getByTestId("signed-in-operator");
  await expect(operator).toContainText("Alice SRE");
  await expect(operator).toContainText("operator");
  expect(await lastSignIn("alice@sso.flowdeck.test")).toEqual({ outcome: "ok", method: "sso", role: "operator" });
  // An operator has no user management.
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/sign-in\?denied=admin/);
  await expect(page.getByTestId("sign-in-problem")).toContainText("without the admin role");

  await page.goto("/overview");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/dlq");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdlq$/);
});

test("someone in no mapped group is refused, told why, and the refusal is audited", async ({ page }) => {
  await signInAtProvider(page, "marketing-bob");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("sign-in-problem")).toContainText("no Flowdeck role");
  await expect(page.getByTestId("signed-in-operator")).toHaveCount(0);
  expect(await lastSignIn("bob@sso.flowdeck.test")).toMatchObject({ outcome: "denied" });
});
