import Link from "next/link";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { TimeModeToggle } from "@/components/time/time-mode-toggle";
import { Logo } from "./logo";
import { NavLinks } from "./nav-links";

/** The left rail: product name, sections, and the operator's own settings at the bottom. */
export function Sidebar({ operatorName }: { operatorName: string }) {
  return (
    <aside className="flex shrink-0 flex-col gap-4 border-b border-border bg-surface p-3 md:sticky md:top-0 md:h-dvh md:w-56 md:border-r md:border-b-0">
      <Link href="/overview" className="flex items-center gap-2 rounded-md px-1.5 py-1 text-base font-semibold tracking-tight">
        <Logo className="size-6" />
        Flowdeck
      </Link>
      <nav aria-label="Sections">
        <NavLinks />
      </nav>
      <div className="mt-auto flex flex-wrap items-center gap-2 border-t border-border pt-3 md:flex-col md:items-stretch">
        <p className="mr-auto px-1 text-xs text-muted">
          Operator <span className="block truncate text-sm font-medium text-fg" title={operatorName}>{operatorName}</span>
        </p>
        <TimeModeToggle />
        <ThemeToggle />
      </div>
    </aside>
  );
}
