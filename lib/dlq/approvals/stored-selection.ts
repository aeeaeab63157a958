import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { DlqSelection } from "../verbs/selection";

// A discard request keeps its selection in Postgres until a second operator approves it, then applies it to the
// messages as they are then. JSON has no bigint or Date: positions are "partition:offset", times ISO-8601.

const Text = z.string().max(4_000);
export const StoredSelection = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("messages"), positions: z.array(z.string().regex(/^\d{1,10}:\d{1,19}$/)).min(1) }),
  z.object({
    kind: z.literal("filter"),
    filter: z.object({
      from: z.iso.datetime().optional(), to: z.iso.datetime().optional(), errorType: Text.optional(), originalTopic: Text.optional(),
      key: Text.optional(), header: z.object({ name: Text, value: Text }).optional(), text: Text.optional(),
    }),
  }),
]);
export type StoredSelection = z.infer<typeof StoredSelection>;

export function storeSelection(selection: DlqSelection): StoredSelection {
  if (selection.kind === "messages") return { kind: "messages", positions: selection.positions.map((p) => `${p.partition}:${p.offset}`) };
  const { from, to, errorType, originalTopic, key, header, text } = selection.input;
  return {
    kind: "filter",
    filter: { from: from?.toISOString(), to: to?.toISOString(), errorType, originalTopic, key, header, text },
  };
}

/** The selection to apply on approval; a row that does not parse is a server fault, not the approver's. */
export function restoreSelection(cluster: string, topic: string, stored: unknown): DlqSelection {
  const parsed = StoredSelection.safeParse(stored);
  if (!parsed.success) throw new AppError("INTERNAL", "The request's stored selection cannot be read; nothing was changed.");
  const value = parsed.data;
  if (value.kind === "messages") {
    return {
      kind: "messages",
      positions: value.positions.map((p) => {
        const [partition = "0", offset = "0"] = p.split(":");
        return { partition: Number(partition), offset: BigInt(offset) };
      }),
    };
  }
  const f = value.filter;
  return {
    kind: "filter",
    input: {
      cluster, topic, status: "pending", from: f.from ? new Date(f.from) : undefined, to: f.to ? new Date(f.to) : undefined,
      errorType: f.errorType, originalTopic: f.originalTopic, key: f.key, header: f.header, text: f.text,
    },
  };
}

/** One line for the page: which messages the request covers. */
export function describeStoredSelection(stored: unknown): string {
  const parsed = StoredSelection.safeParse(stored);
  if (!parsed.success) return "(selection unreadable)";
  const value = parsed.data;
  if (value.kind === "messages") {
    const shown = value.positions.slice(0, 5).join(", ");
    return `messages ${shown}${value.positions.length > 5 ? ` and ${(value.positions.length - 5).toLocaleString("en-US")} more` : ""}`;
  }
  const f = value.filter;
  const parts = [
    f.errorType !== undefined && `error type “${f.errorType}”`, f.originalTopic !== undefined && `original topic ${f.originalTopic}`,
    f.key !== undefined && `key “${f.key}”`, f.header && `header ${f.header.name}=${f.header.value}`, f.text !== undefined && `text “${f.text}”`,
    f.from && `from ${f.from}`, f.to && `before ${f.to}`,
  ].filter((p): p is string => typeof p === "string");
  return parts.length === 0 ? "all pending messages" : `pending messages with ${parts.join(", ")}`;
}
