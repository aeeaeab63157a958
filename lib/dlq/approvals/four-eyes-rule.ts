import { AppError } from "@/lib/errors";
import { hasRole, type Operator } from "@/lib/auth/roles";

// The four-eyes rule as pure decisions, so they are tested without a database: which requests need a second
// operator, and who may decide one, when.

export const APPROVAL_KINDS = ["redrive", "discard"] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_STATUSES = ["awaiting", "approved", "rejected", "withdrawn", "expired"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
/** What an operator does with a request; "expire" is the worker's, when nobody decided in time. */
export type ApprovalDecision = "approve" | "reject" | "withdraw";
export type ApprovalSettlement = ApprovalDecision | "expire";

export const SETTLED_STATUS: Record<ApprovalSettlement, Exclude<ApprovalStatus, "awaiting">> = {
  approve: "approved", reject: "rejected", withdraw: "withdrawn", expire: "expired",
};

/** The request as the rule needs it. */
export type RequestState = {
  status: ApprovalStatus;
  requestedById: string;
  requestedBy: string;
  expiresAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
};

/** Whether `count` messages need a second operator; `above` null means the rule is off. */
export function needsApproval(count: number, above: number | null): boolean {
  return above !== null && count > above;
}

/** Awaiting requests past their time count as expired even before the worker has marked them. */
export function effectiveStatus(request: Pick<RequestState, "status" | "expiresAt">, now: Date): ApprovalStatus {
  return request.status === "awaiting" && request.expiresAt.getTime() <= now.getTime() ? "expired" : request.status;
}

export function formatUtc(at: Date): string {
  return `${at.toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/**
 * Why `operator` may not `decision` the request now, or null when they may. The requester may only withdraw;
 * anyone else holding the operator role may approve or reject; nobody may decide a request twice or late.
 * Operators are compared by id: two operators may share a display name.
 */
export function refuseDecision(request: RequestState, decision: ApprovalDecision, operator: Operator, now: Date): AppError | null {
  if (!hasRole(operator, "operator")) return new AppError("FORBIDDEN", `This needs the operator role, which ${operator.name} does not have.`);
  if (request.status !== "awaiting") {
    const by = request.decidedBy && request.status !== "expired" ? ` by ${request.decidedBy}` : "";
    const at = request.decidedAt ? ` at ${formatUtc(request.decidedAt)}` : "";
    return new AppError("CONFLICT", `This request was already ${request.status}${by}${at}; nothing changed.`);
  }
  if (effectiveStatus(request, now) === "expired") {
    return new AppError("CONFLICT", `This request expired at ${formatUtc(request.expiresAt)} without a decision; nothing changed. Ask again if it is still needed.`);
  }
  const isRequester = request.requestedById === operator.id;
  if (decision === "withdraw") {
    return isRequester ? null : new AppError("FORBIDDEN", `Only ${request.requestedBy}, who asked for it, can withdraw this request; reject it instead.`);
  }
  if (isRequester) {
    return new AppError("FORBIDDEN", decision === "approve"
      ? "You asked for this, so you cannot approve it: a second operator must (four-eyes rule)."
      : "You asked for this: withdraw it instead of rejecting it.");
  }
  return null;
}
