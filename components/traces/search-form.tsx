import Link from "next/link";
import { Field, inputClass } from "./field";
import { RangePresets } from "./range-presets";
import type { TracesView } from "./search-url";
import { TimeRangeFields } from "./time-range-fields";
import { toWallTime } from "./wall-time";

export type FormValues = Partial<Record<"service" | "operation" | "match" | "status" | "minDuration" | "messageId" | "sagaId" | "sagaKey", string>> & {
  attributes: string[];
};

export function formValues(view: TracesView): FormValues {
  return {
    service: view.service, operation: view.operation, match: view.match, status: view.status, minDuration: view.minDuration,
    messageId: view.messageId, sagaId: view.sagaId, sagaKey: view.sagaKey,
    attributes: view.attributes.map((a) => `${a.key}=${a.value}`),
  };
}

/**
 * A plain GET form: every filter lands in the URL, so the resulting link opens the same search for
 * whoever it is pasted to. All filters must hold on one span of the trace.
 */
export function SearchForm({ values, view }: { values: FormValues; view: TracesView }) {
  const attributeInputs = [...values.attributes, ""];
  return (
    <form method="get" action="/traces" role="search" aria-label="Search traces" className="mb-5 rounded-lg border border-border bg-surface p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">Finds traces with a span that matches every filter and started in the time range.</p>
        <RangePresets view={view} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Service" htmlFor="traces-service">
          <input id="traces-service" name="service" defaultValue={values.service} placeholder="e.g. payment" className={inputClass} />
        </Field>
        <Field label="Operation (span name)" htmlFor="traces-operation">
          <div className="flex gap-1.5">
            <input id="traces-operation" name="operation" defaultValue={values.operation} placeholder="e.g. orders process" className={inputClass} />
            <select name="match" aria-label="Operation match" defaultValue={values.match ?? "prefix"} className={`${inputClass} w-auto`}>
              <option value="prefix">starts with</option>
              <option value="exact">exactly</option>
            </select>
          </div>
        </Field>
        <Field label="Status" htmlFor="traces-status">
          <select id="traces-status" name="status" defaultValue={values.status ?? "any"} className={inputClass}>
            <option value="any">Any</option>
            <option value="error">Error</option>
            <option value="ok">OK</option>
            <option value="unset">Unset</option>
          </select>
        </Field>
        <Field label="Min span duration (ms)" htmlFor="traces-min-duration">
          <input id="traces-min-duration" name="minDuration" inputMode="decimal" defaultValue={values.minDuration} placeholder="e.g. 250" className={inputClass} />
        </Field>
        <Field label="Saga key" htmlFor="traces-saga-key">
          <input id="traces-saga-key" name="sagaKey" defaultValue={values.sagaKey} placeholder="e.g. order-1042" className={inputClass} />
        </Field>
        <Field label="Saga ID" htmlFor="traces-saga-id">
          <input id="traces-saga-id" name="sagaId" defaultValue={values.sagaId} className={inputClass} />
        </Field>
        <Field label="Message ID" htmlFor="traces-message-id">
          <input id="traces-message-id" name="messageId" defaultValue={values.messageId} className={inputClass} />
        </Field>
        <fieldset className="flex min-w-0 flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-muted">Attributes (key=value)</legend>
          {attributeInputs.map((value, i) => (
            <input
              key={`${String(i)}-${value}`}
              name="attr"
              aria-label={`Attribute filter ${String(i + 1)}`}
              defaultValue={value}
              placeholder="e.g. http.route=/orders/{id}"
              className={`${inputClass} font-mono text-[13px]`}
            />
          ))}
        </fieldset>
        <TimeRangeFields range={view.range} from={toWallTime(view.from, view.tz)} to={toWallTime(view.to, view.tz)} tz={view.tz} />
        <div className="flex items-end gap-2 sm:col-span-2">
          <button type="submit" className="rounded-md bg-accent px-3.5 py-1.5 text-sm font-medium text-surface hover:opacity-90">
            Search
          </button>
          <Link href="/traces" className="rounded-md border border-border px-3 py-1.5 text-sm text-muted hover:bg-surface-2 hover:text-fg">
            Clear filters
          </Link>
        </div>
      </div>
    </form>
  );
}
