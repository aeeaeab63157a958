import "server-only";
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { admin, genericOAuth } from "better-auth/plugins";
import type { Pool } from "pg";
import type { Config } from "@/lib/config";
import { getConfig } from "@/lib/config";
import { getPool } from "@/lib/db";
import { log } from "@/lib/log";
import { accessControl, accessRoles } from "./access-control";
import { hashPassword, verifyPassword } from "./password-hash";
import { applySsoRole, OIDC_PROVIDER_ID } from "./sso-role";
import { recordSignIn, refuseSessionWithoutRole, signInEventHooks } from "./sign-in-events";

/** Sign-in is limited per client address here, and per account by sign-in-events.ts. */
const SIGN_IN_LIMIT = { window: 60, max: 10 };
const MIN_PASSWORD_LENGTH = 12;

export function createAuth(config: Config, pool: Pool) {
  const { auth } = config;
  const secure = auth.publicUrl.startsWith("https://");
  return betterAuth({
    appName: "Flowdeck",
    secret: auth.secret,
    baseURL: auth.publicUrl,
    basePath: "/api/auth",
    // Better Auth's own origin check on its endpoints (sign-in, sign-out): only Flowdeck's own pages.
    trustedOrigins: [auth.publicUrl],
    database: pool,
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message) => (level === "error" ? log.error : log.warn)(`sign-in: ${message}`),
    },
    user: { modelName: "auth_users" },
    session: {
      modelName: "auth_sessions",
      expiresIn: Math.round(auth.sessionTtlMs / 1000),
      // An active session is extended at most once an hour (or each tenth of its life, if shorter).
      updateAge: Math.min(3600, Math.round(auth.sessionTtlMs / 10_000)),
    },
    account: {
      modelName: "auth_accounts",
      // An SSO identity never takes over a local account that happens to share its email.
      accountLinking: { enabled: false },
    },
    verification: { modelName: "auth_verifications" },
    emailAndPassword: {
      enabled: auth.localAccounts,
      // Accounts are made by an admin (or `npm run user`), never by whoever reaches the sign-in page.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "auth_rate_limits",
      window: 60,
      max: 120,
      customRules: { "/sign-in/email": SIGN_IN_LIMIT, "/sign-in/social": SIGN_IN_LIMIT },
    },
    advanced: {
      cookiePrefix: "flowdeck",
      useSecureCookies: secure,
      // Better Auth skips its origin check when NODE_ENV is "test"; Flowdeck keeps it on everywhere.
      disableOriginCheck: false,
    },
    // Routes a user may not call on themselves: changing their own email would change their audit identity,
    // and deleting themselves would hide who they were.
    disabledPaths: ["/update-user", "/change-email", "/delete-user", "/sign-up/email", "/admin/impersonate-user", "/admin/stop-impersonating"],
    hooks: signInEventHooks,
    databaseHooks: {
      account: {
        create: { after: async (account) => applySsoRole(pool, config, account) },
        update: { after: async (account) => applySsoRole(pool, config, account) },
      },
      session: {
        create: {
          before: async (session) => refuseSessionWithoutRole(pool, session),
          after: async (session, context) => recordSignIn(pool, session, context),
        },
      },
    },
    plugins: [
      admin({ ac: accessControl, roles: accessRoles, adminRoles: ["admin"], defaultRole: "none" }),
      ...(auth.oidc
        ? [genericOAuth({
            config: [{
              providerId: OIDC_PROVIDER_ID,
              name: auth.oidc.name,
              discoveryUrl: `${auth.oidc.issuer}/.well-known/openid-configuration`,
              // Refuse an issuer whose ID tokens cannot be checked: the role comes from their groups claim.
              requireIdTokenVerification: true,
              clientId: auth.oidc.clientId,
              clientSecret: auth.oidc.clientSecret,
              scopes: ["openid", "email", "profile"],
              pkce: true,
              // Name and email follow the identity provider at each sign-in.
              overrideUserInfo: true,
            }],
          })]
        : []),
      // Lets server actions that call Better Auth set its cookies on the response.
      nextCookies(),
    ],
  });
}

export type FlowdeckAuth = ReturnType<typeof createAuth>;

let instance: FlowdeckAuth | undefined;

/** The one Better Auth instance of this process, on Flowdeck's configuration and pool. */
export function getAuth(): FlowdeckAuth {
  instance ??= createAuth(getConfig(), getPool());
  return instance;
}
