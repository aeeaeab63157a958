import "server-only";

export { runRedriveExecutor } from "./run-executor";
export type { ExecutorOptions } from "./run-job";
