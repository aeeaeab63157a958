import "server-only";
import { readFile } from "node:fs/promises";
import type { Config } from "@/lib/config";
import { errorCode } from "@/lib/db";
import { isWellFormedIngestToken, rotateIngestToken } from "@/lib/ingest-tokens";
import { errorMessage } from "@/lib/log";

export type SelfTracingRole = "web" | "worker";

/** The audit actor of the tokens Flowdeck mints for itself. */
export const SELF_TRACING_ACTOR = "system:self-tracing";

/** A problem that stops start-up, as one line. */
export class SelfTracingTokenError extends Error {}

/**
 * The ingest token Flowdeck's own exports carry: the one in FLOWDECK_SELF_TRACING_TOKEN_FILE; else, when
 * it traces into its own endpoint, a fresh token named flowdeck-self-<role> that replaces the previous
 * start's (stored as a digest like any other, audited as a rotation); else none (another collector).
 */
export async function selfTracingToken(config: Config, role: SelfTracingRole): Promise<string | null> {
  if (config.selfTracingTokenFile) return readTokenFile(config.selfTracingTokenFile);
  if (!config.selfTracingToOwnEndpoint) return null;
  try {
    return (await rotateIngestToken(`flowdeck-self-${role}`, SELF_TRACING_ACTOR)).token;
  } catch (error) {
    const hint = errorCode(error) === "42P01" ? " (run `npm run db:migrate`)" : "";
    throw new SelfTracingTokenError(`self-tracing could not mint its ingest token: ${errorMessage(error).split("\n")[0] ?? ""}${hint}`);
  }
}

async function readTokenFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new SelfTracingTokenError(`FLOWDECK_SELF_TRACING_TOKEN_FILE cannot be read (${path}): ${errorCode(error) ?? errorMessage(error)}`);
  }
  const token = text.trim();
  // The file's content is a secret: say what is wrong with it, never what it holds.
  if (!isWellFormedIngestToken(token)) throw new SelfTracingTokenError(`FLOWDECK_SELF_TRACING_TOKEN_FILE (${path}) does not hold one ingest token (fdi_ and 43 characters)`);
  return token;
}
