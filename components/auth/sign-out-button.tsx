import { signOutAction } from "./sign-out-actions";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="w-full rounded-md border border-border px-2.5 py-1 text-xs text-muted hover:bg-surface-2 hover:text-fg">
        Sign out
      </button>
    </form>
  );
}
