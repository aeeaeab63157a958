-- Sign-in (Better Auth): users, their sessions, their credentials (a password hash or an SSO link),
-- short-lived sign-in state, and sign-in rate-limit counters. Column names are Better Auth's own
-- (camelCase, quoted), so its database layer needs no per-column mapping.

CREATE TABLE "auth_users" (
  "id"            TEXT        NOT NULL PRIMARY KEY,
  "name"          TEXT        NOT NULL,
  "email"         TEXT        NOT NULL,
  "emailVerified" BOOLEAN     NOT NULL DEFAULT false,
  "image"         TEXT,
  "createdAt"     TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "updatedAt"     TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  -- viewer | operator | admin; for SSO users, set from their groups at every sign-in.
  "role"          TEXT,
  -- A disabled user (Better Auth's "ban") cannot sign in and loses their sessions.
  "banned"        BOOLEAN     DEFAULT false,
  "banReason"     TEXT,
  "banExpires"    TIMESTAMPTZ(6)
);
CREATE UNIQUE INDEX "auth_users_email_key" ON "auth_users" ("email");

CREATE TABLE "auth_sessions" (
  "id"             TEXT        NOT NULL PRIMARY KEY,
  "expiresAt"      TIMESTAMPTZ(6) NOT NULL,
  "token"          TEXT        NOT NULL,
  "createdAt"      TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "updatedAt"      TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "ipAddress"      TEXT,
  "userAgent"      TEXT,
  "userId"         TEXT        NOT NULL REFERENCES "auth_users" ("id") ON DELETE CASCADE,
  "impersonatedBy" TEXT
);
CREATE UNIQUE INDEX "auth_sessions_token_key" ON "auth_sessions" ("token");
CREATE INDEX "auth_sessions_userId_idx" ON "auth_sessions" ("userId");

CREATE TABLE "auth_accounts" (
  "id"                    TEXT        NOT NULL PRIMARY KEY,
  "accountId"             TEXT        NOT NULL,
  "providerId"            TEXT        NOT NULL,
  "userId"                TEXT        NOT NULL REFERENCES "auth_users" ("id") ON DELETE CASCADE,
  "accessToken"           TEXT,
  "refreshToken"          TEXT,
  "idToken"               TEXT,
  "accessTokenExpiresAt"  TIMESTAMPTZ(6),
  "refreshTokenExpiresAt" TIMESTAMPTZ(6),
  "scope"                 TEXT,
  -- argon2id hash, for local accounts only.
  "password"              TEXT,
  "createdAt"             TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "updatedAt"             TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE INDEX "auth_accounts_userId_idx" ON "auth_accounts" ("userId");
CREATE UNIQUE INDEX "auth_accounts_providerId_accountId_key" ON "auth_accounts" ("providerId", "accountId");

CREATE TABLE "auth_verifications" (
  "id"         TEXT        NOT NULL PRIMARY KEY,
  "identifier" TEXT        NOT NULL,
  "value"      TEXT        NOT NULL,
  "expiresAt"  TIMESTAMPTZ(6) NOT NULL,
  "createdAt"  TIMESTAMPTZ(6) NOT NULL DEFAULT now(),
  "updatedAt"  TIMESTAMPTZ(6) NOT NULL DEFAULT now()
);
CREATE INDEX "auth_verifications_identifier_idx" ON "auth_verifications" ("identifier");

CREATE TABLE "auth_rate_limits" (
  "id"          TEXT    NOT NULL PRIMARY KEY,
  "key"         TEXT    NOT NULL,
  "count"       INTEGER NOT NULL,
  "lastRequest" BIGINT  NOT NULL
);
CREATE UNIQUE INDEX "auth_rate_limits_key_key" ON "auth_rate_limits" ("key");
