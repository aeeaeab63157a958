import Link from "next/link";
import type { ReactNode } from "react";
import type { Severity } from "@/lib/overview/attention";

const EDGE: Record<Severity, string> = { bad: "border-l-bad", warn: "border-l-warn", ok: "border-l-ok" };
const WORD: Record<Severity, string> = { bad: "Failing", warn: "Needs a look", ok: "OK" };
const WORD_TONE: Record<Severity, string> = { bad: "text-bad", warn: "text-warn", ok: "text-ok" };

/** One overview section: a coloured edge and a word for its state, so the worst stand out at a glance. */
export function SectionCard({ id, title, severity, more, wide = false, children }: {
  id: string; title: string; severity: Severity; more: { href: string; label: string }; wide?: boolean; children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} data-testid={`overview-${id}`} data-severity={severity}
      className={`flex min-w-0 flex-col gap-3 rounded-lg border border-l-4 border-border bg-surface px-4 py-3 ${EDGE[severity]} ${wide ? "xl:col-span-2" : ""}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title} <span className={`ml-1 text-xs font-medium ${WORD_TONE[severity]}`}>{WORD[severity]}</span>
        </h2>
        <Link href={more.href} className="text-sm text-accent hover:underline">{more.label} →</Link>
      </div>
      {children}
    </section>
  );
}

/** The calm line of a section with nothing wrong: says so in words rather than showing an empty table. */
export function AllClear({ children, testId }: { children: ReactNode; testId?: string }) {
  return <p data-testid={testId} className="text-sm text-muted">{children}</p>;
}
