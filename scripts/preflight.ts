// Checks configuration and Postgres before `npm start` launches anything: one clear line and exit 1 on a problem.
import nextEnv from "@next/env";
import { disconnectDb } from "@/lib/db";
import { startConfiguredProcess } from "@/lib/startup/preflight";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
await startConfiguredProcess("start");
await disconnectDb();
