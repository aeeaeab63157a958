// Where the end-to-end suite runs Flowdeck; scripts/test-all.sh prepares the same database.
// FLOWDECK_E2E_PORT and FLOWDECK_E2E_DATABASE_URL move it, so two checkouts can run their suites side by side.
export const E2E_PORT = Number(process.env.FLOWDECK_E2E_PORT ?? 3200);
export const E2E_DATABASE_URL = process.env.FLOWDECK_E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/flowdeck_e2e";
export const LOCAL_BROKER = "127.0.0.1:9092";
export const OUTAGE_BROKER_PORT = 19092;
