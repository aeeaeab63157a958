import type { ReactNode } from "react";

/** A titled block inside a page; `id` names its heading so a table can point at it with aria-labelledby. */
export function Panel({ id, title, count, actions, children }: { id: string; title: string; count?: number; actions?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-2">
      <div className="flex min-h-7 flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="text-sm font-semibold">
          {title}
          {count !== undefined && <span className="ml-1.5 font-normal text-muted tabular-nums">{count}</span>}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
