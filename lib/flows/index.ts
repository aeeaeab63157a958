import "server-only";

export { loadFlowMap, type FlowMap } from "./load-flow-map";
export { flowSeries, type FlowSeries, type SeriesPoint, type FlowWindow } from "./queries";
export { consumerLag, LAG_DEADLINE_MS } from "./lag/consumer-lag";
export { findSelected, isNode, selectionOf, totalsOf } from "./graph/flow-graph";
export type * from "./graph/flow-graph";
export type { FlowLayout, Box, EdgeRoute } from "./graph/layout-graph";
