import "server-only";

export { APPROVAL_STATUSES, formatUtc, needsApproval, type ApprovalDecision, type ApprovalKind, type ApprovalStatus } from "./four-eyes-rule";
export { decideApprovalRequest } from "./decide-request";
export { expireApprovalRequests } from "./expire-requests";
export { requestDiscard, type DiscardAsk, type DiscardOutcome } from "./request-discard";
export type { ApprovalOutcome } from "./settle-request";
export { getApprovalRequestForJob, listAwaitingApprovalRequests, type ApprovalRequestView } from "./queries/approval-requests";
