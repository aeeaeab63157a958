"use client";
import { useState, type SubmitEvent } from "react";

type Props = { next: string; localAccounts: boolean; sso: { name: string } | null; problem: string | null };

const inputClass = "w-full rounded-md border border-border bg-surface px-3 py-2 text-sm focus:outline-2 focus:outline-accent";

/** Posts to Better Auth's endpoints directly, so its per-address rate limit and origin check apply. */
async function post(path: string, body: unknown): Promise<{ ok: boolean; data: Record<string, unknown> }> {
  const response = await fetch(`/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { ok: response.ok, data };
}

export function SignInForm({ next, localAccounts, sso, problem }: Props) {
  const [error, setError] = useState<string | null>(problem);
  const [busy, setBusy] = useState(false);

  async function signInWithPassword(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { ok, data } = await post("/sign-in/email", { email: form.get("email"), password: form.get("password") });
      if (ok) {
        // A full load, so the shell renders for the signed-in operator.
        window.location.assign(next);
        return;
      }
      setError(typeof data.message === "string" && data.message ? data.message : "Sign-in failed.");
    } catch {
      setError("Flowdeck did not answer; try again.");
    }
    setBusy(false);
  }

  async function signInWithSso() {
    setBusy(true);
    setError(null);
    try {
      const { ok, data } = await post("/sign-in/social", { provider: "oidc", callbackURL: next, errorCallbackURL: "/sign-in" });
      if (ok && typeof data.url === "string") {
        window.location.assign(data.url);
        return;
      }
      setError(typeof data.message === "string" && data.message ? data.message : "Single sign-on is not available right now.");
    } catch {
      setError("Flowdeck did not answer; try again.");
    }
    setBusy(false);
  }

  return (
    <div className="space-y-5">
      {error && <p role="alert" data-testid="sign-in-problem" className="rounded-md border border-bad/40 bg-bad-soft px-3 py-2 text-sm text-bad">{error}</p>}
      {sso && (
        <button type="button" onClick={() => void signInWithSso()} disabled={busy}
          className="w-full rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-surface hover:opacity-90 disabled:opacity-60">
          Sign in with {sso.name}
        </button>
      )}
      {sso && localAccounts && <p className="text-center text-xs text-muted">or with a local account</p>}
      {localAccounts && (
        <form onSubmit={(event) => void signInWithPassword(event)} className="space-y-3">
          <label className="block text-sm">
            <span className="mb-1 block text-muted">Email</span>
            <input name="email" type="email" autoComplete="username" required className={inputClass} />
          </label>
          <label className="block text-sm">
            <span className="mb-1 block text-muted">Password</span>
            <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
          </label>
          <button type="submit" disabled={busy}
            className={`w-full rounded-md px-3.5 py-2 text-sm font-medium hover:opacity-90 disabled:opacity-60 ${sso ? "border border-border bg-surface" : "bg-accent text-surface"}`}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      )}
    </div>
  );
}
