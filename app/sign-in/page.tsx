import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentOperator } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/sign-in-gate";
import { getConfig } from "@/lib/config";
import { Logo } from "@/components/shell/logo";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Query = { next?: string | string[]; error?: string | string[]; denied?: string | string[] };

// Messages for the codes the SSO callback and the page guard send back; anything else gets a generic line.
const MESSAGES: Record<string, string> = {
  unable_to_create_session: "Your account has no Flowdeck role: ask an admin to add you to a group that maps to one.",
  signup_disabled: "Your account is not known to Flowdeck.",
  account_not_linked: "An account with this email already exists as a local account; sign in with its password.",
  access_denied: "Sign-in was cancelled at your identity provider.",
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const next = safeNextPath(first(query.next));
  const denied = first(query.denied);
  const operator = await currentOperator();
  if (operator && !denied) redirect(next);
  const { auth } = getConfig();
  const error = first(query.error);
  const problem = denied
    ? `You are signed in as ${operator?.name ?? "someone"} without the ${denied} role that page needs. Sign in as someone else, or ask an admin.`
    : error ? MESSAGES[error.toLowerCase()] ?? `Sign-in failed (${error.slice(0, 60)}).` : null;

  return (
    <div className="mx-auto mt-[12vh] w-full max-w-sm">
      <div className="mb-6 flex items-center gap-2 text-lg font-semibold tracking-tight">
        <Logo className="size-7" />
        Flowdeck
      </div>
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      <SignInForm next={next} localAccounts={auth.localAccounts} sso={auth.oidc ? { name: auth.oidc.name } : null} problem={problem} />
    </div>
  );
}
