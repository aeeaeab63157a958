// Runs before every other spec (the "setup" project): creates the suite's accounts and signs each one in
// once through the sign-in page, saving the browser state that the other specs reuse.
import { test as setup } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_USERS, storageStateOf } from "./env";
import { ensureUser, signIn } from "./fixtures/sign-in";

for (const who of Object.keys(E2E_USERS) as (keyof typeof E2E_USERS)[]) {
  setup(`sign in as the ${who}`, async ({ page, baseURL }) => {
    const user = E2E_USERS[who];
    await ensureUser(E2E_DATABASE_URL, user);
    await signIn(page, baseURL ?? "", user);
    await page.context().storageState({ path: storageStateOf(who) });
  });
}
