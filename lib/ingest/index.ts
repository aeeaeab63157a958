import "server-only";

export { authenticateExport, type AuthRejection, type ExportAuth } from "./authenticate-export";
export { IngestError } from "./ingest-error";
export { ingestExport, type IngestOutcome } from "./ingest-export";
export { readBody } from "./read-body";
export { encodingOf, replyEncodingOf, type Encoding } from "./otlp/decode-request";
export { errorStatus, exportResponse } from "./otlp/responses";
