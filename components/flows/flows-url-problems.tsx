import Link from "next/link";
import type { FlowsProblem } from "./flows-url";

/** A bad link (hand-edited or cut short) is explained, and the plain map is one click away. */
export function FlowsUrlProblems({ problems }: { problems: FlowsProblem[] }) {
  return (
    <div role="alert" data-testid="flows-url-problems" className="mb-5 max-w-3xl rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">
      <h2 className="text-base font-semibold text-warn">This link to the flow map has a problem</h2>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((problem) => (
          <li key={`${problem.param}:${problem.message}`}>
            <code className="font-mono">{problem.param}</code>: {problem.message}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href="/flows" className="text-accent underline underline-offset-2">Open the map of the last hour</Link> instead.
      </p>
    </div>
  );
}
