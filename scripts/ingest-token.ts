// `npm run ingest-token -- create <name> | rotate <name> | revoke <name> | list`: manages the bearer tokens
// that OTLP exporters send to /api/otlp/v1/traces. A new token is printed once, alone on stdout (so
// `$(npm run -s ingest-token -- create x)` captures it); everything else goes to stderr.
import os from "node:os";
import nextEnv from "@next/env";
import { getConfig } from "@/lib/config";
import { disconnectDb, errorCode } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createIngestToken, listIngestTokens, revokeIngestToken, rotateIngestToken, type IngestTokenRow } from "@/lib/ingest-tokens";
import { errorMessage, setLogLevel } from "@/lib/log";
import { findStartupProblem } from "@/lib/startup/preflight";
import { cliActor, parseIngestTokenCommand, type IngestTokenCommand } from "./ingest-token/command";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

function fail(line: string, code = 1): never {
  process.stderr.write(`ingest-token: ${line}\n`);
  process.exit(code);
}

const when = (at: Date | null) => (at ? at.toISOString().replace(/\.\d+Z$/, "Z") : "-");

function table(rows: IngestTokenRow[]): string {
  const lines = [["NAME", "STATE", "CREATED", "CREATED BY", "LAST USED", "REVOKED BY"],
    ...rows.map((r) => [r.name, r.revokedAt ? `revoked ${when(r.revokedAt)}` : "active", when(r.createdAt), r.createdBy, when(r.lastUsedAt), r.revokedBy ?? "-"])];
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? "").length))) ?? [];
  return lines.map((l) => l.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n");
}

async function run(command: IngestTokenCommand, actor: string): Promise<void> {
  const ttl = Math.round(getConfig().ingestTokenCacheTtlMs / 1000);
  switch (command.verb) {
    case "create":
    case "rotate": {
      const { name, token } = command.verb === "create" ? await createIngestToken(command.name, actor) : await rotateIngestToken(command.name, actor);
      process.stdout.write(`${token}\n`);
      process.stderr.write(`ingest-token: ${command.verb === "create" ? "created" : "rotated"} "${name}". This is the only time the token is shown: keep it as a secret.\n`
        + `  Exporters send it as OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer <token>".\n`
        + (command.verb === "rotate" ? `  The previous token of "${name}" is refused within ${ttl} s.\n` : ""));
      return;
    }
    case "revoke": {
      const revoked = await revokeIngestToken(command.name, actor);
      process.stdout.write(`revoked "${revoked.name}" at ${when(revoked.revokedAt)}; Flowdeck refuses it within ${ttl} s\n`);
      return;
    }
    case "list": {
      const rows = await listIngestTokens();
      process.stdout.write(rows.length === 0 ? "no ingest tokens yet: npm run ingest-token -- create <name>\n" : `${table(rows)}\n`);
      return;
    }
  }
}

// stdout holds only what the command prints (a token, a table); the library's info lines would mix in.
setLogLevel("warn");
const command = parseIngestTokenCommand(process.argv.slice(2));
if ("error" in command) fail(command.error, 2);
const problem = await findStartupProblem();
if (problem) fail(problem.line);
try {
  await run(command, cliActor(() => os.userInfo().username, process.getuid?.()));
} catch (error) {
  if (error instanceof AppError) fail(error.message);
  const hint = errorCode(error) === "42P01" ? " (run `npm run db:migrate`)" : "";
  fail(`${errorMessage(error).split("\n")[0] ?? "failed"}${hint}`);
} finally {
  await disconnectDb().catch(() => {});
}
