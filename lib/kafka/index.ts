import "server-only";

export { getClusterClient, configuredClusterNames, closeAllClusters } from "./registry";
export type { ClusterClient } from "./cluster-client";
export type { ReadMessage, ReadRequest, ReadResult } from "./offset-reader";
export { clusterStatus } from "./inspect/status";
export { clusterOverview } from "./inspect/overview";
export { listTopics } from "./inspect/topics";
export { listConsumerGroups } from "./inspect/groups";
export type * from "./inspect/types";
