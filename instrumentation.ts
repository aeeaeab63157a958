// Runs once when the web server starts: refuse to start on a bad configuration or an unreachable Postgres.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConfiguredProcess } = await import("@/lib/startup/preflight");
  await startConfiguredProcess("web");
  const { getConfig } = await import("@/lib/config");
  const { setLogLevel } = await import("@/lib/log");
  const config = getConfig();
  setLogLevel(config.logLevel);
  if (config.selfTracingUrl) {
    const { startConfiguredSelfTracing } = await import("@/lib/telemetry");
    await startConfiguredSelfTracing("web");
  }
}
