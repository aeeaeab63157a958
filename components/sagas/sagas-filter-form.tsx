import Link from "next/link";
import { Field, inputClass } from "@/components/traces/field";
import { windowSearchParams } from "@/components/time-window/time-window";
import { clearFiltersHref, type SagasView } from "./sagas-url";

export type SagaFilterValues = Partial<Record<"name" | "key" | "id", string>>;

/**
 * A plain GET form: the filters land in the URL with the window and status chip kept, so the link
 * opens the same list for whoever it is pasted to. Key and id match exactly.
 */
export function SagasFilterForm({ view, values, names }: { view: SagasView | null; values: SagaFilterValues; names: string[] }) {
  const kept = view ? [...windowSearchParams(view.window).entries(), ...(view.status !== "any" ? [["status", view.status] as const] : [])] : [];
  const options = values.name !== undefined && !names.includes(values.name) ? [values.name, ...names] : names;
  return (
    <form method="get" action="/sagas" role="search" aria-label="Filter sagas" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3">
      {kept.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <Field label="Saga type" htmlFor="sagas-name" className="w-56">
        <select id="sagas-name" name="name" defaultValue={values.name ?? ""} className={inputClass}>
          <option value="">Any type</option>
          {options.map((name) => <option key={name} value={name}>{name === "" ? "(unnamed)" : name}</option>)}
        </select>
      </Field>
      <Field label="Saga key" htmlFor="sagas-key" className="w-56">
        <input id="sagas-key" name="key" defaultValue={values.key} placeholder="e.g. an order id" className={inputClass} />
      </Field>
      <Field label="Saga ID" htmlFor="sagas-id" className="w-72">
        <input id="sagas-id" name="id" defaultValue={values.id} placeholder="exact saga.id" className={`${inputClass} font-mono`} />
      </Field>
      <button type="submit" className="rounded-md border border-border bg-accent px-3 py-1 text-sm font-medium text-canvas hover:opacity-90">Filter</button>
      {view && (view.name !== undefined || view.key !== undefined || view.id !== undefined) && (
        <Link href={clearFiltersHref(view)} className="py-1 text-sm text-muted hover:text-fg">Clear filters</Link>
      )}
    </form>
  );
}
