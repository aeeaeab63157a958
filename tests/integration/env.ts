// The store the integration tests use; global-setup recreates it before every run. FLOWDECK_IT_DATABASE_URL
// names another, so two runs on one machine do not drop each other's database.
export const INTEGRATION_DATABASE_URL = process.env.FLOWDECK_IT_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/flowdeck_it";
export const LOCAL_BROKER = "127.0.0.1:9092";
