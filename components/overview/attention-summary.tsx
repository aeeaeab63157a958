import Link from "next/link";
import type { Finding } from "@/lib/overview/attention";

/**
 * The first thing on the page: what is failing, worst first, each a link to where it is fixed; or, when
 * nothing is, one plain sentence saying so.
 */
export function AttentionSummary({ found, calmText }: { found: Finding[]; calmText: string }) {
  if (found.length === 0) {
    return (
      <div role="status" data-testid="overview-calm" className="rounded-lg border border-ok/40 bg-ok-soft px-5 py-4">
        <p className="text-base font-semibold text-ok">Nothing is failing</p>
        <p className="mt-0.5 text-sm">{calmText}</p>
      </div>
    );
  }
  const bad = found.some((f) => f.severity === "bad");
  return (
    <section aria-labelledby="attention" data-testid="overview-attention"
      className={`rounded-lg border px-5 py-4 ${bad ? "border-bad/40 bg-bad-soft" : "border-warn/40 bg-warn-soft"}`}>
      <h2 id="attention" className={`text-base font-semibold ${bad ? "text-bad" : "text-warn"}`}>
        {bad ? "Failing now" : "Needs a look"}
      </h2>
      <ul className="mt-1.5 flex flex-col gap-1 text-sm">
        {found.map((f) => (
          <li key={`${f.section}:${f.text}`} data-testid="overview-finding" data-severity={f.severity} className="flex items-center gap-2">
            <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${f.severity === "bad" ? "bg-bad" : "bg-warn"}`} />
            <span className="sr-only">{f.severity === "bad" ? "Failing:" : "Warning:"}</span>
            <Link href={f.href} className={`hover:underline ${f.severity === "bad" ? "font-semibold" : ""}`}>{f.text}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
