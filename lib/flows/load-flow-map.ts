import "server-only";
import { projectionLagSeconds } from "@/lib/projector";
import { buildFlowGraph, type FlowGraph } from "./graph/flow-graph";
import { cachedLayout } from "./graph/layout-cache";
import type { FlowLayout } from "./graph/layout-graph";
import { consumerLag } from "./lag/consumer-lag";
import { flowDlqTopics, flowEdgeTotals, serviceBreakerStates, type FlowWindow } from "./queries";

export type FlowMap = {
  graph: FlowGraph;
  layout: FlowLayout;
  /** Why some lags show as unknown (a cluster down or slow), one sentence per cluster. */
  lagProblems: string[];
  projectionLagSeconds: number;
};

/** Everything the flow map page draws for a window: the graph from Postgres, lag from the brokers, the layout. */
export async function loadFlowMap(window: FlowWindow): Promise<FlowMap> {
  const [edges, dlqTopics, breakers, lagSeconds] = await Promise.all([
    flowEdgeTotals(window), flowDlqTopics(window), serviceBreakerStates(), projectionLagSeconds(),
  ]);
  const wanted = edges.filter((e) => e.direction === "consume" && e.consumerGroup !== "")
    .map((e) => ({ cluster: e.cluster, topic: e.topic, group: e.consumerGroup }));
  const lag = await consumerLag(wanted);
  const windowSeconds = (window.to.getTime() - window.from.getTime()) / 1000;
  const graph = buildFlowGraph({ edges, dlqTopics, breakers, lags: lag.lags, windowSeconds });
  return { graph, layout: cachedLayout(graph), lagProblems: lag.problems, projectionLagSeconds: lagSeconds };
}
