// A real OpenID Connect provider (node-oidc-provider) for the single sign-on journey, started by
// Playwright beside Flowdeck. Its built-in development login form accepts any account id below (the
// password is not checked), so the journey signs in the way a person would at a company's provider.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3290);
const issuer = `http://127.0.0.1:${port}`;

// Who exists at this provider, with the groups their ID tokens carry.
const ACCOUNTS = {
  "sre-alice": { email: "alice@sso.flowdeck.test", name: "Alice SRE", groups: ["engineering", "sre-oncall"] },
  "marketing-bob": { email: "bob@sso.flowdeck.test", name: "Bob Marketing", groups: ["marketing"] },
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID ?? "flowdeck-e2e",
    client_secret: process.env.OIDC_CLIENT_SECRET ?? "flowdeck-e2e-client-secret",
    redirect_uris: [process.env.OIDC_REDIRECT_URI ?? "http://127.0.0.1:3200/api/auth/callback/oidc"],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_post",
  }],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  // Groups go into the ID token itself, as Flowdeck reads them from there.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name, groups: account.groups }) };
  },
});
// Plain http on 127.0.0.1 is fine for a test provider.
provider.proxy = false;
provider.listen(port, "127.0.0.1", () => console.log(`oidc test provider on ${issuer}`));
