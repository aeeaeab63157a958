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
export { browseFilterRefusal } from "./masking/browse-filter-refusal";
export type { MaskedFields } from "./masking/mask-fields";
export { discardMessages, type DiscardRequest, type DiscardResult } from "./verbs/discard-messages";
export type { DlqSelection, MessagePosition } from "./verbs/selection";
export { COUNT_CAP, countPendingMatching } from "./queries/count-matching";
export { createRedriveJob, type RedriveRequest, type RedriveJobCreated } from "./redrive/create-redrive-job";
export { prepareRedrive, type RedrivePreparation, type RedrivePreviewMessage } from "./redrive/prepare-redrive";
export { controlRedriveJob, type JobControl } from "./redrive/control-job";
export { getRedriveJob, listRedriveJobs, type RedriveJobView, type RedriveJobStatus } from "./redrive/queries/get-redrive-job";
export { listRedriveItems, ITEMS_PAGE, type RedriveItemView, type ConsumerOutcome } from "./redrive/queries/list-redrive-items";
export type { GatingBreaker } from "./redrive/open-breakers";
export {
  APPROVAL_STATUSES, decideApprovalRequest, expireApprovalRequests, formatUtc, getApprovalRequestForJob, listAwaitingApprovalRequests, needsApproval,
  requestDiscard, type ApprovalDecision, type ApprovalKind, type ApprovalOutcome, type ApprovalRequestView, type ApprovalStatus, type DiscardAsk,
  type DiscardOutcome,
} from "./approvals";
