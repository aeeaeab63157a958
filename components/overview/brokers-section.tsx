import Link from "next/link";
import type { BrokerHealth } from "@/lib/overview";
import type { Severity } from "@/lib/overview/attention";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "./section-card";

/** Each configured Kafka cluster: answering or not, checked now with a short bound. */
export function BrokersSection({ brokers, severity }: { brokers: BrokerHealth[]; severity: Severity }) {
  return (
    <SectionCard id="brokers" title="Kafka clusters" severity={severity} more={{ href: "/clusters", label: "Clusters" }}>
      <ul className="flex flex-col gap-1.5 text-sm">
        {brokers.map((b) => (
          <li key={b.name} data-testid="overview-cluster" data-cluster={b.name} data-up={b.up} className="flex flex-wrap items-center gap-2">
            <Badge tone={b.up ? "ok" : "bad"} testId="overview-cluster-status">{b.up ? "Up" : "Down"}</Badge>
            <Link href={`/clusters#cluster-${b.name}`} className="font-mono text-[13px] text-accent hover:underline">{b.name}</Link>
            <span className="text-xs text-muted [overflow-wrap:anywhere]">
              {b.up ? `${String(b.brokers)} ${b.brokers === 1 ? "broker" : "brokers"} · answered in ${String(b.latencyMs)} ms` : b.error}
            </span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-muted">
        How events move between services and these clusters&apos; topics: <Link href="/flows" className="text-accent hover:underline">the flow map</Link>.
      </p>
    </SectionCard>
  );
}
