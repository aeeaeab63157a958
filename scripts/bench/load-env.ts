// Benchmarks run Flowdeck's own modules in-process, so they read .env as `npm start` does (FLOWDECK_AUTH_SECRET
// and the rest); variables already set, such as a benchmark's own DATABASE_URL, win.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
