import "server-only";
import { getConfig } from "@/lib/config";
import { startSelfTracing } from "./self-tracing";
import { SelfTracingTokenError, selfTracingToken, type SelfTracingRole } from "./self-tracing-token";

/** Starts self-tracing when FLOWDECK_SELF_TRACING asks for it; a token problem stops the process with one line. */
export async function startConfiguredSelfTracing(role: SelfTracingRole): Promise<void> {
  const config = getConfig();
  if (!config.selfTracingUrl) return;
  try {
    startSelfTracing(config.selfTracingUrl, `flowdeck-${role}`, await selfTracingToken(config, role));
  } catch (error) {
    if (!(error instanceof SelfTracingTokenError)) throw error;
    console.error(`flowdeck ${role}: ${error.message}`);
    process.exit(1);
  }
}
