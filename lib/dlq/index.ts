import "server-only";

export { discoverByName } from "./discovery/discover-by-name";
export { discoverByHeaders } from "./discovery/discover-by-headers";
export { indexCluster } from "./indexer/index-cluster";
export { indexPartition } from "./indexer/index-partition";
export { listDlqTopics, type DlqTopicSummary } from "./queries/list-dlq-topics";
