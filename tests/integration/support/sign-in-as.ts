// Real users and real sessions for tests that call server actions: the account is made in the store,
// signed in through Better Auth, and its session cookie is what the stand-in `next/headers` sends.
// Test files using it declare: vi.mock("next/headers", () => import("./support/next-request"));
import { randomUUID } from "node:crypto";
import { getAuth } from "@/lib/auth/better-auth";
import type { Role } from "@/lib/auth";
import { createLocalUser } from "@/lib/users";
import { setRequestCookie } from "./next-request";

export type TestUser = { email: string; password: string; role: Role };

/** Makes a local account with `role` (a fresh email each time, as test files share one database). */
export async function makeUser(role: Role): Promise<TestUser> {
  const user = { email: `${role}-${randomUUID().slice(0, 8)}@flowdeck.test`, password: `pw-${randomUUID()}`, role };
  await createLocalUser({ ...user, name: `Test ${role}` }, "test-setup");
  return user;
}

/** Signs `user` in and makes the following action calls theirs; returns the session cookie. */
export async function signInAs(user: TestUser): Promise<string> {
  const response = await getAuth().api.signInEmail({ body: { email: user.email, password: user.password }, asResponse: true });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("flowdeck.session_token="))?.split(";")[0];
  if (!response.ok || !cookie) throw new Error(`signing in ${user.email} failed: ${response.status} ${await response.text()}`);
  setRequestCookie(cookie);
  return cookie;
}

export function signOutOfRequests(): void {
  setRequestCookie("");
}
