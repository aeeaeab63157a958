import "server-only";

export { createIngestToken, type CreatedIngestToken } from "./create-ingest-token";
export { listIngestTokens, type IngestTokenRow } from "./list-ingest-tokens";
export { parseBearerAuthorization, type BearerCredentials } from "./parse-authorization";
export { revokeIngestToken, type RevokedIngestToken } from "./revoke-ingest-token";
export { rotateIngestToken } from "./rotate-ingest-token";
export { resetIngestTokenCache } from "./token-cache";
export { INGEST_TOKEN_PREFIX, isWellFormedIngestToken } from "./token-format";
export { IngestTokenName } from "./token-name";
export { verifyIngestToken, type TokenVerdict } from "./verify-ingest-token";
