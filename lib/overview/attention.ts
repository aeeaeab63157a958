// What needs the operator first: every overview finding as a sentence with a link and a severity, worst
// first, and each section's own severity so the page puts bad sections on top. Pure; unit tested.

export type Severity = "bad" | "warn" | "ok";
export type SectionId = "dlq" | "breakers" | "sagas" | "ingest" | "brokers";
export type Finding = { severity: Exclude<Severity, "ok">; section: SectionId; text: string; href: string };

export type AttentionInput = {
  dlq: { totalPending: number; topicsWithPending: number; arrivedLast15m: number } | null;
  breakers: { open: number; halfOpen: number } | null;
  /** Per status, the count and whether it stopped at the sagas list's cap (shown as "100,000+"). */
  sagas: { counts: Record<"failed" | "stuck" | "compensating" | "compensated", { count: number; capped: boolean }>; listHref: (status: string) => string } | null;
  ingest: { projectionLagSeconds: number; recentRejected: number | null; secondsSinceLastSpan: number | null } | null;
  brokers: { name: string; up: boolean }[];
};

/** Projections this far behind make the saga and breaker findings doubtful, not just late. */
export const BAD_LAG_SECONDS = 60;
export const WARN_LAG_SECONDS = 5;
/** No span for this long, after spans had arrived, says the services (or their exporters) went quiet. */
export const QUIET_INGEST_SECONDS = 5 * 60;

const SEVERITY_RANK: Record<Severity, number> = { bad: 0, warn: 1, ok: 2 };
export const SECTION_ORDER: SectionId[] = ["dlq", "breakers", "sagas", "ingest", "brokers"];

const plural = (n: number, one: string, more = "") => `${n.toLocaleString("en-US")}${more} ${n === 1 && more === "" ? one : `${one}s`}`;

function sagaFinding(found: Finding[], sagas: AttentionInput["sagas"], status: keyof NonNullable<AttentionInput["sagas"]>["counts"], severity: Finding["severity"]): void {
  const entry = sagas?.counts[status];
  if (!sagas || !entry || entry.count === 0) return;
  found.push({ severity, section: "sagas", text: `${plural(entry.count, "saga", entry.capped ? "+" : "")} ${status}`, href: sagas.listHref(status) });
}

export function findings(input: AttentionInput): Finding[] {
  const found: Finding[] = [];
  const down = input.brokers.filter((b) => !b.up);
  if (down.length > 0) {
    found.push({ severity: "bad", section: "brokers", text: `${down.length === 1 ? "Cluster" : "Clusters"} ${down.map((b) => b.name).join(", ")} not reachable`, href: "/clusters" });
  }
  if (input.breakers && input.breakers.open > 0) {
    found.push({ severity: "bad", section: "breakers", text: `${plural(input.breakers.open, "circuit breaker")} open`, href: "/breakers" });
  }
  for (const status of ["failed", "stuck"] as const) sagaFinding(found, input.sagas, status, "bad");
  if (input.dlq && input.dlq.totalPending > 0) {
    const d = input.dlq;
    const growing = d.arrivedLast15m > 0;
    const text = `${plural(d.totalPending, "dead letter")} pending in ${plural(d.topicsWithPending, "DLQ topic")}${growing ? `, ${d.arrivedLast15m.toLocaleString("en-US")} new in the last 15 min` : ""}`;
    found.push({ severity: growing ? "bad" : "warn", section: "dlq", text, href: "/dlq" });
  }
  if (input.ingest && input.ingest.projectionLagSeconds >= WARN_LAG_SECONDS) {
    const lag = Math.round(input.ingest.projectionLagSeconds);
    found.push({ severity: lag >= BAD_LAG_SECONDS ? "bad" : "warn", section: "ingest", text: `Projections ${lag.toLocaleString("en-US")} s behind the spans`, href: "/traces" });
  }
  if (input.breakers && input.breakers.halfOpen > 0) {
    found.push({ severity: "warn", section: "breakers", text: `${plural(input.breakers.halfOpen, "circuit breaker")} half-open`, href: "/breakers" });
  }
  for (const status of ["compensating", "compensated"] as const) sagaFinding(found, input.sagas, status, "warn");
  if (input.ingest?.recentRejected) {
    found.push({ severity: "warn", section: "ingest", text: `${plural(input.ingest.recentRejected, "span")} rejected in the last minutes`, href: "/traces" });
  }
  if (input.ingest?.secondsSinceLastSpan != null && input.ingest.secondsSinceLastSpan >= QUIET_INGEST_SECONDS) {
    found.push({ severity: "warn", section: "ingest", text: `No span received for ${Math.floor(input.ingest.secondsSinceLastSpan / 60).toLocaleString("en-US")} min`, href: "/traces" });
  }
  // Stable: within a severity, the order above (brokers, breakers, sagas, DLQ, ingest) stays.
  return found.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** A section's severity: its worst finding, or ok. */
export function sectionSeverity(all: readonly Finding[], section: SectionId): Severity {
  return all.filter((f) => f.section === section).reduce<Severity>((worst, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst] ? f.severity : worst), "ok");
}

/** Sections with bad findings first, then warnings, then calm ones; the default order within each. */
export function orderSections(all: readonly Finding[]): SectionId[] {
  return [...SECTION_ORDER].sort((a, b) => SEVERITY_RANK[sectionSeverity(all, a)] - SEVERITY_RANK[sectionSeverity(all, b)]);
}
