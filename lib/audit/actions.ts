/** The actions Flowdeck records, for the Audit page's filter; events of other actions still list and filter by URL. */
export const KNOWN_AUDIT_ACTIONS = [
  { action: "dlq.discard", label: "Discard DLQ messages" },
  { action: "dlq.redrive", label: "Start a redrive" },
  { action: "dlq.redrive.prepare", label: "Prepare a redrive (refused)" },
  { action: "dlq.redrive.pause", label: "Pause a redrive" },
  { action: "dlq.redrive.resume", label: "Resume a redrive" },
  { action: "dlq.redrive.cancel", label: "Cancel a redrive" },
  { action: "dlq.redrive.finished", label: "A redrive finished" },
  { action: "dlq.redrive.approve", label: "Approve a redrive (four-eyes)" },
  { action: "dlq.redrive.reject", label: "Reject a redrive (four-eyes)" },
  { action: "dlq.redrive.withdraw", label: "Withdraw a redrive request" },
  { action: "dlq.redrive.expire", label: "A redrive request expired" },
  { action: "dlq.discard.request", label: "Ask to discard (four-eyes)" },
  { action: "dlq.discard.approve", label: "Approve a discard (four-eyes)" },
  { action: "dlq.discard.reject", label: "Reject a discard (four-eyes)" },
  { action: "dlq.discard.withdraw", label: "Withdraw a discard request" },
  { action: "dlq.discard.expire", label: "A discard request expired" },
  { action: "auth.sign-in", label: "Sign in (and failed sign-ins)" },
  { action: "auth.sign-out", label: "Sign out" },
  { action: "users.create", label: "Create a user" },
  { action: "users.role", label: "Change a user's role" },
  { action: "users.disable", label: "Disable a user" },
  { action: "users.enable", label: "Enable a user" },
  { action: "users.password", label: "Set a user's password" },
  { action: "ingest-token.create", label: "Create an ingest token" },
  { action: "ingest-token.rotate", label: "Rotate an ingest token" },
  { action: "ingest-token.revoke", label: "Revoke an ingest token" },
] as const;

/** "domain.verb" or "domain.verb.detail": lower-case words, dots between. */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){1,3}$/;

export const AUDIT_OUTCOMES = ["ok", "denied", "failed"] as const;
