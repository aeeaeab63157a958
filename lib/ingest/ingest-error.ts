/** A refused export: the HTTP status and one line for google.rpc.Status.message. */
export class IngestError extends Error {
  constructor(
    readonly status: 400 | 413 | 503,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
