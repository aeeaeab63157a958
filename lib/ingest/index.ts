import "server-only";

export { IngestError } from "./ingest-error";
export { ingestExport, type IngestOutcome } from "./ingest-export";
export { readBody } from "./read-body";
export { encodingOf, type Encoding } from "./otlp/decode-request";
export { errorStatus, exportResponse } from "./otlp/responses";
