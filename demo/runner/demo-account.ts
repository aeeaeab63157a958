import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { DemoConfig } from "../config";

/**
 * Makes the demo's Flowdeck account the way an admin would (`npm run user -- add`), so the console can be
 * signed in to. Resolves to the password to show, or null when the account already existed (its
 * password is then whatever it was set to).
 */
export function ensureDemoAccount(config: DemoConfig): Promise<string | null> {
  const password = config.DEMO_SIGN_IN_PASSWORD ?? randomBytes(12).toString("base64url");
  const args = ["--conditions=react-server", "--import", "tsx", "scripts/user.ts", "add", "--email", config.DEMO_SIGN_IN_EMAIL, "--name", "Demo Admin", "--role", "admin"];
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, args, (error, _stdout, stderr) => {
      if (!error) resolve(password);
      else if (stderr.includes("already exists")) resolve(null);
      else reject(new Error(`making the demo's account failed: ${stderr.trim()}`));
    });
    child.stdin?.end(`${password}\n`);
  });
}
