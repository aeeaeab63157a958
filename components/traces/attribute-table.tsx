import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import type { AttributeEntry } from "@/lib/traces/queries/span-detail";

// Values an operator searches by: each links to the traces that share it.
const SEARCHABLE: Record<string, string> = { "saga.key": "sagaKey", "saga.id": "sagaId", "messaging.message.id": "messageId" };

/** "http.request.method" with line-break chances after each dot, so keys wrap between words. */
function breakable(key: string): ReactNode {
  return key.split(".").map((part, i, parts) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && <>.<wbr /></>}
    </Fragment>
  ));
}

/** Keys and values as plain text (never HTML), long values wrapping anywhere. */
export function AttributeTable({ entries, label }: { entries: AttributeEntry[]; label: string }) {
  if (entries.length === 0) return <p className="text-xs text-faint">None.</p>;
  return (
    <table aria-label={label} className="w-full table-fixed border-collapse text-xs">
      <tbody>
        {entries.map(([key, value]) => {
          const param = SEARCHABLE[key];
          return (
            <tr key={key} className="border-t border-border first:border-t-0 align-top">
              <th scope="row" className="w-[45%] py-1 pr-2 text-left font-mono font-normal text-muted wrap-break-word">{breakable(key)}</th>
              <td className="py-1 font-mono whitespace-pre-wrap wrap-anywhere">
                {value}
                {param !== undefined && (
                  <Link
                    href={`/traces?${new URLSearchParams({ [param]: value, range: "24h" }).toString()}`}
                    className="ml-1.5 font-sans text-accent underline underline-offset-2"
                    title={`Traces with ${key} = ${value} in the last 24 hours`}
                  >
                    traces
                  </Link>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
