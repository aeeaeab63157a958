-- Bearer tokens for the OTLP ingest endpoint, separate from operator sign-in. Only a SHA-256 digest of
-- each token is kept: the token is 32 random bytes, so a fast unsalted hash is enough (nobody can
-- brute-force 256 bits, unlike a password), and it lets the hot ingest path look a token up by its digest
-- in one step. The clear token is shown once when created and never stored.
CREATE TABLE "ingest_tokens" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
    "created_by" TEXT NOT NULL,
    "revoked_at" TIMESTAMPTZ(6),
    "revoked_by" TEXT,
    "last_used_at" TIMESTAMPTZ(6),

    CONSTRAINT "ingest_tokens_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ingest_tokens_name_key" ON "ingest_tokens"("name");
CREATE UNIQUE INDEX "ingest_tokens_token_hash_key" ON "ingest_tokens"("token_hash");
