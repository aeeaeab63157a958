import "server-only";
import { whereClause, type DlqBrowseInput } from "../queries/browse-filter";

export type MessagePosition = { partition: number; offset: bigint };
/** What an operator acts on: messages picked by position, or all pending messages matching the browser's filter. */
export type DlqSelection = { kind: "messages"; positions: MessagePosition[] } | { kind: "filter"; input: DlqBrowseInput };

/** SQL conditions on dlq_messages for the selection's pending messages; $1 and $2 are the cluster and topic. */
export function selectionWhere(cluster: string, topic: string, selection: DlqSelection): { sql: string; params: unknown[] } {
  if (selection.kind === "filter") return whereClause({ ...selection.input, status: "pending", cluster, topic }, false);
  return {
    sql: `cluster = $1 AND topic = $2 AND status = 'pending' AND (partition, "offset") IN (SELECT * FROM unnest($3::int[], $4::bigint[]))`,
    params: [cluster, topic, selection.positions.map((p) => p.partition), selection.positions.map((p) => p.offset.toString())],
  };
}

/** What an audit event says was selected: the positions (up to 100) or the filter. */
export function describeSelection(selection: DlqSelection): Record<string, unknown> {
  if (selection.kind === "messages") {
    return { messages: selection.positions.slice(0, 100).map((p) => `${p.partition}:${p.offset}`), more: Math.max(0, selection.positions.length - 100) };
  }
  const input = selection.input;
  return {
    filter: {
      status: "pending", from: input.from, to: input.to, errorType: input.errorType, originalTopic: input.originalTopic,
      key: input.key, header: input.header, text: input.text,
    },
  };
}
