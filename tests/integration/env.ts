// The store the integration tests use; global-setup recreates it before every run.
export const INTEGRATION_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/flowdeck_it";
export const LOCAL_BROKER = "127.0.0.1:9092";
