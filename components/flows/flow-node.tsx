import type { FlowNode } from "@/lib/flows/graph/flow-graph";
import type { BreakerStateName } from "@/lib/flows/model";
import { formatCount } from "./describe";

const BREAKER_DOT: Record<BreakerStateName, string> = { closed: "bg-ok", open: "bg-bad", half_open: "bg-warn" };
const BREAKER_TEXT: Record<BreakerStateName, string> = { closed: "text-ok", open: "text-bad", half_open: "text-warn" };
const SHOWN_BREAKERS = 2;

/** What a node looks like: a service card with its breakers, a topic pill, or a red DLQ pill with its pending count. */
export function FlowNodeBox({ node, selected, showCluster }: { node: FlowNode; selected: boolean; showCluster: boolean }) {
  const ring = selected ? "ring-2 ring-accent" : "hover:border-accent";
  if (node.kind === "service") {
    // Open and half-open breakers first: they are why anyone looks.
    const breakers = [...node.breakers].sort((a, b) => Number(a.state === "closed") - Number(b.state === "closed"));
    return (
      <div className={`flex h-full flex-col justify-center gap-1 rounded-lg border border-border bg-surface-2 px-3 shadow-sm ${ring}`}>
        <span className="truncate text-sm font-semibold" title={node.service}>{node.service}</span>
        <span className="flex min-w-0 items-center gap-1 overflow-hidden" data-testid="flow-node-breakers">
          {breakers.length === 0 && <span className="text-xs text-faint">service</span>}
          {breakers.slice(0, SHOWN_BREAKERS).map((b) => (
            // The state comes first and never shrinks: a long breaker name is cut, its state is not.
            <span key={b.name} className="flex min-w-0 items-center gap-1 text-[11px]" title={`Circuit breaker ${b.name} is ${b.state.replace("_", "-")}`}>
              <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${BREAKER_DOT[b.state]}`} />
              <span className={`shrink-0 font-medium ${BREAKER_TEXT[b.state]}`}>{b.state.replace("_", "-")}</span>
              <span className="truncate text-muted">{b.name}</span>
            </span>
          ))}
          {breakers.length > SHOWN_BREAKERS && <span className="text-xs text-muted">+{breakers.length - SHOWN_BREAKERS}</span>}
        </span>
      </div>
    );
  }
  const dlq = node.kind === "dlq";
  return (
    <div className={`flex h-full items-center gap-2 rounded-full border px-3 ${dlq ? "border-bad/50 bg-bad-soft" : "border-border bg-surface"} ${ring}`}>
      {dlq && <span className="rounded bg-bad px-1 text-[10px] font-bold text-surface">DLQ</span>}
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="line-clamp-2 break-all font-mono text-[11px] leading-tight" title={node.topic}>{node.topic}</span>
        {(showCluster || dlq) && (
          <span className="truncate text-[10px] text-muted">
            {showCluster ? node.cluster : ""}{showCluster && dlq ? " · " : ""}{dlq ? `${formatCount(node.pending)} pending` : ""}
          </span>
        )}
      </span>
    </div>
  );
}
