import { describe, expect, it } from "vitest";
import type { EdgeTotal } from "../model";
import { buildFlowGraph } from "./flow-graph";
import { cachedLayout, shapeKey } from "./layout-cache";
import { layoutFlowGraph } from "./layout-graph";

const edge = (service: string, topic: string, count: number): EdgeTotal =>
  ({ cluster: "local", topic, direction: "produce", service, consumerGroup: "", count, errors: 0 });
const graphOf = (edges: EdgeTotal[]) => buildFlowGraph({ edges, dlqTopics: [], breakers: [], lags: new Map(), windowSeconds: 60 });

describe("cachedLayout", () => {
  it("reuses the layout of a graph of the same shape, whatever its counts", () => {
    const first = cachedLayout(graphOf([edge("a", "t1", 1), edge("b", "t1", 2)]));
    const again = cachedLayout(graphOf([edge("b", "t1", 900), edge("a", "t1", 7)]));
    expect(again).toBe(first);
    expect(first).toEqual(layoutFlowGraph(graphOf([edge("a", "t1", 1), edge("b", "t1", 2)])));
  });

  it("lays out again when the shape changes", () => {
    const before = graphOf([edge("a", "t1", 1)]);
    const after = graphOf([edge("a", "t1", 1), edge("a", "t2", 1)]);
    expect(shapeKey(after)).not.toBe(shapeKey(before));
    expect(Object.keys(cachedLayout(after).nodes)).toHaveLength(3);
  });
});
