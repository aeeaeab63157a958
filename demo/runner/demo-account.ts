import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { DemoConfig } from "../config";

/**
 * Makes the demo's Flowdeck account the way an admin would (`npm run user -- add`), so the console can be
 * signed in to. Returns the password to show, or null when the account already existed (its password
 * is then whatever it was set to).
 */
export function ensureDemoAccount(config: DemoConfig): string | null {
  const password = config.DEMO_SIGN_IN_PASSWORD ?? randomBytes(12).toString("base64url");
  const result = spawnSync(process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/user.ts", "add", "--email", config.DEMO_SIGN_IN_EMAIL, "--name", "Demo Admin", "--role", "admin"],
    { input: `${password}\n`, encoding: "utf8" });
  if (result.status === 0) return password;
  if (result.stderr.includes("already exists")) return null;
  throw new Error(`making the demo's account failed: ${result.stderr.trim()}`);
}
