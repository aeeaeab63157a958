// Where the end-to-end suite runs Flowdeck; scripts/test-all.sh prepares the same database.
export const E2E_PORT = 3200;
export const E2E_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/flowdeck_e2e";
export const LOCAL_BROKER = "127.0.0.1:9092";
export const OUTAGE_BROKER_PORT = 19092;
