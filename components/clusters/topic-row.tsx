import type { TopicSummary } from "@/lib/kafka";
import { Badge } from "@/components/ui/badge";
import { Td } from "@/components/ui/data-table";
import { formatCount } from "./format";

const SIZE_UNAVAILABLE = "Not available: kafkajs cannot ask the brokers for their log-dir sizes (DescribeLogDirs).";

export function TopicRow({ topic }: { topic: TopicSummary }) {
  // A dead-letter topic that holds messages is work waiting for someone, hence amber.
  const dlqTone = topic.messages > 0 ? "warn" : "neutral";
  return (
    <tr data-testid="topic-row" className={topic.internal ? "text-muted" : undefined}>
      <Td>
        <span className="flex min-w-44 flex-wrap items-center gap-1.5">
          <span className="font-mono text-[13px] wrap-anywhere">{topic.name}</span>
          {topic.isDlq && <Badge tone={dlqTone} title="Dead-letter topic (its name matches the DLQ pattern)">DLQ</Badge>}
          {topic.internal && <Badge tone="neutral" title="Kafka's own bookkeeping topic">internal</Badge>}
        </span>
      </Td>
      <Td align="right">{formatCount(topic.partitions)}</Td>
      <Td align="right">{formatCount(topic.messages)}</Td>
      <Td align="right" title={topic.sizeBytes === null ? SIZE_UNAVAILABLE : `${topic.sizeBytes} bytes`}>
        {topic.sizeBytes === null ? <span className="text-faint">n/a</span> : formatCount(topic.sizeBytes)}
      </Td>
    </tr>
  );
}
