import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTEGRATION_DATABASE_URL } from "./env";

type Run = { status: number | null; stderr: string; stdout: string };

// `npm start` runs this first; the worker and the web server run the same checks themselves.
function start(entry: string[], env: Record<string, string>): Run {
  // A clean environment, so the test sees only the settings it gives.
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: INTEGRATION_DATABASE_URL, ...env };
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", ...entry], {
    env: childEnv as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

function expectOneClearLine(run: Run, pattern: RegExp): void {
  const lines = run.stderr.trim().split("\n");
  expect(run.status).toBe(1);
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

// Masking rules files with a bad rule, and one that is not JSON.
const rulesDir = mkdtempSync(path.join(tmpdir(), "flowdeck-startup-masking-"));
const badRule = path.join(rulesDir, "bad-rule.json");
writeFileSync(badRule, JSON.stringify({ rules: [{ name: "card", topic: "payments.*", jsonPath: "$.card.number" }, { name: "pan", topic: "payments.*", regex: "(\\d{13,19}" }] }));
const notJson = path.join(rulesDir, "not-json.json");
writeFileSync(notJson, "rules:\n  - name: card\n");

describe.each([
  ["start preflight", ["scripts/preflight.ts"]],
  ["worker", ["lib/worker/main.ts"]],
])("%s refuses to start with one clear line", (_name, entry) => {
  it.each([
    [{ KAFKA_LOCAL_BROKERS: "localhost" }, /^flowdeck \w+: configuration error: KAFKA_LOCAL_BROKERS expected host:port.*\(got "localhost"\)$/],
    [{ KAFKA_LOCAL_SASL_MECHANISM: "kerberos" }, /configuration error: KAFKA_LOCAL_SASL_MECHANISM .*\(got "kerberos"\)$/],
    [{ FLOWDECK_CLUSTERS: "local,prod" }, /configuration error: KAFKA_PROD_BROKERS is not set$/],
    [{ DATABASE_URL: "" }, /configuration error: DATABASE_URL is not set$/],
    [{ DATABASE_URL: "postgres//oops" }, /configuration error: DATABASE_URL expected a postgresql:\/\/user@host:port\/database URL \(got "postgres\/\/oops"\)$/],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/flowdeck" }, /cannot reach Postgres at DATABASE_URL \(127\.0\.0\.1:1\/flowdeck\): .+/],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/flowdeck_no_such_db" }, /cannot reach Postgres at DATABASE_URL \(127\.0\.0\.1:5432\/flowdeck_no_such_db\): .*does not exist/],
    [{ FLOWDECK_MASKING_RULES_FILE: badRule }, /configuration error: FLOWDECK_MASKING_RULES_FILE \S+bad-rule\.json rule 2 \("pan"\): regex is not a valid regular expression \(.+\)$/],
    [{ FLOWDECK_MASKING_RULES_FILE: notJson }, /configuration error: FLOWDECK_MASKING_RULES_FILE \S+not-json\.json is not JSON: .+$/],
    [{ FLOWDECK_MASKING_RULES_FILE: path.join(rulesDir, "missing.json") }, /configuration error: FLOWDECK_MASKING_RULES_FILE cannot read \S+missing\.json \(ENOENT\)$/],
  ])("%j", (env, pattern) => expectOneClearLine(start(entry, env), pattern));
});
