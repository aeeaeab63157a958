import "server-only";
export { getMetrics } from "./registry";
export { routeLabel } from "./route-label";
