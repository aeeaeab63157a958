import "server-only";

export { discoverByName } from "./discovery/discover-by-name";
export { discoverByHeaders } from "./discovery/discover-by-headers";
export { indexCluster } from "./indexer/index-cluster";
export { indexPartition } from "./indexer/index-partition";
export { listDlqTopics, type DlqTopicSummary } from "./queries/list-dlq-topics";
export { DLQ_STATUSES, DlqStatusFilter, PAGE_SIZE, decodeCursor, type DlqBrowseInput } from "./queries/browse-filter";
export { browseMessages, type DlqMessageListItem, type DlqMessagePage } from "./queries/browse-messages";
export { errorGroups, type DlqErrorGroupRow } from "./queries/error-groups";
export { getDlqMessage, type DlqMessageDetail } from "./queries/get-message";
export { messageCorrelation, type MessageCorrelation } from "./queries/message-correlation";
export { readDlqPayload, type DlqPayload } from "./queries/read-payload";
export { findDlqTopic } from "./queries/find-dlq-topic";
export { discardMessages, type DiscardRequest, type DiscardResult, type DlqSelection, type MessagePosition } from "./verbs/discard-messages";
export { COUNT_CAP, countPendingMatching } from "./queries/count-matching";
