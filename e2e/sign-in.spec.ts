// Local accounts in the browser: a page asked for while signed out leads to sign-in and back; a wrong
// password is refused in words; an admin manages users.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_USERS, storageStateOf } from "./env";
import { createTopic, deleteTopic, produceTo } from "./fixtures/kafka-admin";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a page leads to sign-in and back after it; a wrong password is refused", async ({ page }) => {
    await page.goto("/sagas?status=failed");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsagas%3Fstatus%3Dfailed$/);
    await expect(page.getByRole("navigation", { name: "Sections" })).toHaveCount(0);
    await page.getByLabel("Email").fill(E2E_USERS.viewer.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("sign-in-problem")).toContainText("Invalid email or password");
    await page.getByLabel("Password").fill(E2E_USERS.viewer.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/sagas\?status=failed$/);
    await expect(page.getByTestId("signed-in-operator")).toContainText("Vera Viewer");
  });

  test("the next address after sign-in never leaves Flowdeck", async ({ page }) => {
    await page.goto("/sign-in?next=https://evil.example/");
    await page.getByLabel("Email").fill(E2E_USERS.viewer.email);
    await page.getByLabel("Password").fill(E2E_USERS.viewer.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/overview$/);
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("adds a user, gives them a role, and disables them; each change is audited", async ({ page }) => {
    const email = `new-${randomUUID().slice(0, 8)}@flowdeck.test`;
    await page.goto("/settings/users");
    const form = page.getByTestId("create-user");
    await form.getByLabel("Name").fill("New Person");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption("viewer");
    await form.getByLabel(/Password/).fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByRole("alert")).toContainText("password: at least 12 characters");
    await form.getByLabel(/Password/).fill("a-long-enough-password");
    await form.getByRole("button", { name: "Add user" }).click();
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await expect(row).toContainText("viewer");
    await row.getByLabel(`Role of ${email}`).selectOption("operator");
    await expect(row.getByLabel(`Role of ${email}`)).toHaveValue("operator");
    page.once("dialog", (dialog) => void dialog.accept("left the team"));
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row).toContainText("disabled");
    await page.goto(`/audit?target=${encodeURIComponent(email)}`);
    for (const action of ["users.create", "users.role", "users.disable"]) {
      await expect(page.getByTestId("audit-event").filter({ hasText: action })).toHaveCount(1);
    }
  });
});

test.describe("secrets", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("neither the session secret nor the SSO client secret reaches the browser", async ({ page }) => {
    // The values playwright.config.ts gives this Flowdeck.
    const secrets = ["e2e-tests-secret-not-for-production-0123456789", "flowdeck-e2e-client-secret"];
    const bodies: Promise<string>[] = [];
    page.on("response", (response) => {
      if (["document", "script", "fetch"].includes(response.request().resourceType())) bodies.push(response.text().catch(() => ""));
    });
    for (const path of ["/overview", "/settings/users", "/audit", "/dlq"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    const sent = await Promise.all(bodies);
    expect(sent.length).toBeGreaterThan(10);
    for (const secret of secrets) expect(sent.filter((body) => body.includes(secret))).toHaveLength(0);
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });
  const topic = `e2e-${randomUUID().slice(0, 8)}.viewer.DLQ`;

  test.beforeAll(async () => {
    await createTopic(topic);
    await produceTo(topic, [{ key: "order-1", value: "{}", headers: { "dlq.original.topic": "orders.payment", "dlq.error.type": "PoisonMessageError" } }]);
  });

  test.afterAll(async () => {
    await deleteTopic(topic);
  });

  test("reads dead letters but is offered no redrive or discard, and no user management", async ({ page }) => {
    test.setTimeout(90_000);
    await expect(async () => {
      await page.goto(`/dlq/local/${encodeURIComponent(topic)}`);
      await expect(page.getByTestId("dlq-message-row")).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 60_000, intervals: [2_000] });
    await expect(page.getByTestId("dlq-redrive-matching")).toHaveCount(0);
    await expect(page.getByTestId("dlq-discard-matching")).toHaveCount(0);
    await page.getByTestId("dlq-message-row").getByRole("link").first().click();
    await expect(page.getByTestId("dlq-message-drawer")).toBeVisible();
    await expect(page.getByTestId("dlq-discard-message")).toHaveCount(0);
    await expect(page.getByTestId("dlq-redrive-message")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  });
});
