export { checkReadiness, type DependencyHealth, type Readiness } from "./readiness";
