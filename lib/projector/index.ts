export { projectNewSpans, type ProjectionRun } from "./project-new-spans";
export { projectionLagSeconds } from "./lag";
