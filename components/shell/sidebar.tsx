import Link from "next/link";
import type { Operator } from "@/lib/auth";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { TimeModeToggle } from "@/components/time/time-mode-toggle";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "./logo";
import { NavLinks } from "./nav-links";

/** The left rail: product name, sections, and the signed-in operator with their own settings at the bottom. */
export function Sidebar({ operator }: { operator: Operator | null }) {
  const role = operator?.roles[operator.roles.length - 1];
  return (
    <aside className="flex shrink-0 flex-col gap-4 border-b border-border bg-surface p-3 md:sticky md:top-0 md:h-dvh md:w-56 md:border-r md:border-b-0">
      <Link href="/overview" className="flex items-center gap-2 rounded-md px-1.5 py-1 text-base font-semibold tracking-tight">
        <Logo className="size-6" />
        Flowdeck
      </Link>
      <nav aria-label="Sections">
        <NavLinks admin={operator?.roles.includes("admin") ?? false} />
      </nav>
      <div className="mt-auto flex flex-wrap items-center gap-2 border-t border-border pt-3 md:flex-col md:items-stretch">
        {operator ? (
          <p className="mr-auto min-w-0 px-1 text-xs text-muted" data-testid="signed-in-operator">
            Signed in as <span className="block truncate text-sm font-medium text-fg" title={operator.name}>{operator.displayName}</span>
            <span className="capitalize">{role}</span>
          </p>
        ) : (
          <p className="mr-auto px-1 text-xs text-muted">Session cannot be checked</p>
        )}
        <TimeModeToggle />
        <ThemeToggle />
        {operator && <SignOutButton />}
      </div>
    </aside>
  );
}
