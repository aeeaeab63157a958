import Link from "next/link";
import { AUDIT_OUTCOMES, KNOWN_AUDIT_ACTIONS } from "@/lib/audit/actions";
import { Field, inputClass } from "@/components/traces/field";
import { windowSearchParams } from "@/components/time-window/time-window";
import type { AuditView } from "./audit-url";

/**
 * Who, what, target and outcome as a plain GET form: it works before any script loads, and the
 * result is a URL to paste. The time window rides along in hidden fields (the picker sets it).
 */
export function AuditFilters({ view, recordedActions }: { view: AuditView; recordedActions: string[] }) {
  const known = new Set<string>(KNOWN_AUDIT_ACTIONS.map((a) => a.action));
  const others = [...new Set([...recordedActions, ...(view.action ? [view.action] : [])])].filter((a) => !known.has(a)).sort();
  const windowFields = [...windowSearchParams(view.window).entries()];
  return (
    <form method="get" action="/audit" aria-label="Audit filters" className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-border bg-surface p-3 sm:grid-cols-2 lg:grid-cols-[1fr_1.3fr_1.3fr_0.8fr_auto]">
      {windowFields.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <Field label="Who" htmlFor="audit-actor" hint="The operator, exactly">
        <input id="audit-actor" name="actor" defaultValue={view.actor ?? ""} placeholder="any operator" className={inputClass} autoComplete="off" />
      </Field>
      <Field label="What" htmlFor="audit-action">
        <select id="audit-action" name="action" defaultValue={view.action ?? ""} className={inputClass}>
          <option value="">Any action</option>
          {KNOWN_AUDIT_ACTIONS.map((a) => <option key={a.action} value={a.action}>{a.label} ({a.action})</option>)}
          {others.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </Field>
      <Field label="Target" htmlFor="audit-target" hint="Contains, any case">
        <input id="audit-target" name="target" defaultValue={view.target ?? ""} placeholder="e.g. orders.DLQ" className={inputClass} autoComplete="off" />
      </Field>
      <Field label="Outcome" htmlFor="audit-outcome">
        <select id="audit-outcome" name="outcome" defaultValue={view.outcome ?? ""} className={inputClass}>
          <option value="">Any</option>
          {AUDIT_OUTCOMES.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </Field>
      <div className="flex items-end gap-2 pb-0.5">
        <button type="submit" className="rounded-md bg-accent px-3.5 py-1 text-sm font-medium text-surface hover:opacity-90">Apply</button>
        <Link href={`/audit?${windowSearchParams(view.window).toString()}`} className="px-1 py-1 text-sm text-muted hover:text-fg">Clear</Link>
      </div>
    </form>
  );
}
