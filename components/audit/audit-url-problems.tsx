import Link from "next/link";
import type { AuditUrlProblem } from "./audit-url";

/** A bad link (hand-edited or cut short) is explained, not a crash. */
export function AuditUrlProblems({ problems }: { problems: AuditUrlProblem[] }) {
  return (
    <div role="alert" data-testid="audit-url-problems" className="mb-5 max-w-3xl rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">
      <h2 className="text-base font-semibold text-warn">This audit link has a problem, so nothing was listed</h2>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((p) => <li key={`${p.param}:${p.message}`}><code className="font-mono">{p.param}</code>: {p.message}</li>)}
      </ul>
      <p className="mt-2"><Link href="/audit" className="text-accent underline underline-offset-2">Show the last 24 hours</Link></p>
    </div>
  );
}
