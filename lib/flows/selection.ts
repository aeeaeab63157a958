// What the operator clicked on the flow map, as it appears in the URL (?select=…): a service, a topic, or
// one of the three kinds of edge. Shared by the page (to read it) and the map (to link to it).
import { z } from "zod";

const Name = z.string().trim().min(1).max(300);

export const FlowSelection = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("service"), service: Name }),
  z.object({ kind: z.literal("topic"), cluster: Name, topic: Name }),
  z.object({ kind: z.literal("produce"), cluster: Name, topic: Name, service: Name }),
  // A consumer that names no group has group "".
  z.object({ kind: z.literal("consume"), cluster: Name, topic: Name, service: Name, group: z.string().max(300) }),
  /** The DLQ topic `topic` receiving its source topic's failures. */
  z.object({ kind: z.literal("dead-letter"), cluster: Name, topic: Name }),
]);
export type FlowSelection = z.infer<typeof FlowSelection>;

export const SELECTION_KINDS = ["service", "topic", "produce", "consume", "dead-letter"] as const;
