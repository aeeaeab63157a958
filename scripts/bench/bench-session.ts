// Every page needs a signed-in user, so the benchmarks that open pages in a browser make a viewer account in
// their own database, as an admin would (`npm run user -- add`), and sign in to it once.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";

const SESSION_COOKIE = "flowdeck.session_token";

export type SessionCookie = { name: string; value: string; url: string; httpOnly: true; sameSite: "Lax" };

function addViewer(databaseUrl: string, email: string, password: string): Promise<void> {
  const args = ["--conditions=react-server", "--import", "tsx", "scripts/user.ts", "add", "--email", email, "--name", "Benchmark", "--role", "viewer"];
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, args, { env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`making the benchmark's account failed: ${stderr.trim()}`));
      else resolve();
    });
    child.stdin?.end(`${password}\n`);
  });
}

/** A session cookie for a new viewer account of the Flowdeck at `baseUrl`, ready for a browser context. */
export async function benchSession(baseUrl: string, databaseUrl: string): Promise<SessionCookie> {
  const email = `bench-${randomBytes(4).toString("hex")}@flowdeck.local`;
  const password = randomBytes(18).toString("base64url");
  await addViewer(databaseUrl, email, password);
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!response.ok || !cookie) throw new Error(`signing in to the benchmark's Flowdeck failed: ${response.status} ${await response.text()}`);
  return { name: SESSION_COOKIE, value: cookie.slice(SESSION_COOKIE.length + 1).split(";")[0] ?? "", url: baseUrl, httpOnly: true, sameSite: "Lax" };
}
