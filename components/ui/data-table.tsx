import type { ReactNode } from "react";

type Align = "left" | "right";

/** A dense, semantic table; wide content scrolls inside it rather than stretching the page. */
export function DataTable({ labelledBy, testId, children }: { labelledBy: string; testId?: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table aria-labelledby={labelledBy} data-testid={testId} className="w-full border-collapse text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ children, align = "left", className = "" }: { children?: ReactNode; align?: Align; className?: string }) {
  const alignment = align === "right" ? "text-right" : "text-left";
  return (
    <th scope="col" className={`bg-surface-2 px-3 py-1.5 text-xs font-medium whitespace-nowrap text-muted ${alignment} ${className}`}>
      {children}
    </th>
  );
}

export function Td({ children, align = "left", className = "", title }: { children?: ReactNode; align?: Align; className?: string; title?: string }) {
  const alignment = align === "right" ? "text-right tabular-nums" : "text-left";
  return (
    <td title={title} className={`border-t border-border px-3 py-1.5 align-middle ${alignment} ${className}`}>
      {children}
    </td>
  );
}

/** The one row of a table that has nothing to list, saying so in words. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="border-t border-border px-3 py-3 text-center text-sm text-muted">
        {children}
      </td>
    </tr>
  );
}
