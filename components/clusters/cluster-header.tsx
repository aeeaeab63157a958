import type { ReactNode } from "react";
import { Time } from "@/components/time/time";
import { ClusterStatusBadge } from "./cluster-status-badge";

type Fact = { label: string; value: ReactNode };

/** Name, Up/Down and a line of facts; the same height whether the cluster is up, down or loading. */
export function ClusterHeader({ name, up, facts, checkedAt }: { name: string; up: boolean | null; facts: Fact[]; checkedAt?: string }) {
  return (
    <header className="flex flex-wrap items-center gap-x-5 gap-y-1 border-b border-border px-4 py-2.5">
      <div className="flex items-center gap-2">
        <h2 id={`cluster-${name}-title`} className="font-mono text-base font-semibold">{name}</h2>
        {up !== null && <ClusterStatusBadge name={name} up={up} />}
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        {facts.map((fact) => (
          <div key={fact.label} className="flex gap-1.5">
            <dt className="text-muted">{fact.label}</dt>
            <dd className="tabular-nums">{fact.value}</dd>
          </div>
        ))}
        {checkedAt && (
          <div className="flex gap-1.5">
            <dt className="text-muted">Checked</dt>
            <dd><Time value={checkedAt} format="time" /></dd>
          </div>
        )}
      </dl>
    </header>
  );
}
