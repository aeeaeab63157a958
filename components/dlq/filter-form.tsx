import Link from "next/link";
import { DLQ_STATUSES } from "@/lib/dlq";
import type { BrowseUrl } from "./browse-url";

const inputClass = "w-full rounded border border-border bg-surface px-2 py-1 text-sm";
const toInput = (d: Date | undefined) => d?.toISOString().slice(0, 16);

/** The browser's filters as a plain GET form: the URL holds the view, and it works before scripts load. */
export function FilterForm({ action, url }: { action: string; url: BrowseUrl }) {
  return (
    <form method="get" action={action} role="search" aria-label="Filter messages" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-border bg-surface p-4 md:grid-cols-4">
      <label className="flex flex-col gap-1 text-xs text-muted">Status
        <select name="status" defaultValue={url.status ?? "pending"} className={inputClass}>
          {[...DLQ_STATUSES, "any"].map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">From (UTC)
        <input type="datetime-local" name="from" defaultValue={toInput(url.from)} className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">Jump to time (UTC)
        <input type="datetime-local" name="to" defaultValue={toInput(url.to)} className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">Error type
        <input name="error" defaultValue={url.error} placeholder="e.g. PoisonMessageError" className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">Original topic
        <input name="original" defaultValue={url.original} placeholder="e.g. orders.payment" className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">Key
        <input name="key" defaultValue={url.key} className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">Header
        <input name="header" defaultValue={url.header} placeholder="name=value" className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">Text in payload
        <input name="q" defaultValue={url.q} placeholder="e.g. order-1042" className={inputClass} />
      </label>
      {url.group && <input type="hidden" name="group" value={url.group} />}
      <div className="col-span-2 flex items-center gap-3 md:col-span-4">
        <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-white">Filter</button>
        <Link href={action} className="text-sm text-muted hover:text-fg">Clear</Link>
      </div>
    </form>
  );
}
