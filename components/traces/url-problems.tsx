import Link from "next/link";
import type { UrlProblem } from "./search-url";

/** A bad link (a hand-edited or truncated URL) is explained, not a crash. */
export function UrlProblems({ problems, title = "This search link has a problem, so nothing was searched", resetHref = "/traces" }: { problems: UrlProblem[]; title?: string; resetHref?: string }) {
  return (
    <div role="alert" data-testid="traces-url-problems" className="mb-5 max-w-3xl rounded-lg border border-warn/40 bg-warn-soft px-5 py-4 text-sm">
      <h2 className="text-base font-semibold text-warn">{title}</h2>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((problem) => (
          <li key={`${problem.param}:${problem.message}`}>
            <code className="font-mono">{problem.param}</code>: {problem.message}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        Fix the fields below and search again, or{" "}
        <Link href={resetHref} className="text-accent underline underline-offset-2">start a new search</Link>.
      </p>
    </div>
  );
}
