"use client";

import { useState } from "react";
import { Field, inputClass } from "./field";
import type { RangePreset } from "./search-url";

/** Custom from/to; typing in either switches the search from a preset to this window. */
export function TimeRangeFields({ range, from, to, tz }: { range: RangePreset | "custom"; from: string; to: string; tz: string }) {
  const [mode, setMode] = useState(range);
  const zone = tz === "UTC" ? "UTC" : tz.replaceAll("_", " ");
  return (
    <>
      <input type="hidden" name="range" value={mode} />
      <input type="hidden" name="tz" value={tz} />
      <Field label={`From (${zone})`} htmlFor="traces-from">
        <input id="traces-from" name="from" type="datetime-local" step="1" defaultValue={from} className={inputClass} onChange={() => setMode("custom")} />
      </Field>
      <Field label={`To (${zone})`} htmlFor="traces-to">
        <input id="traces-to" name="to" type="datetime-local" step="1" defaultValue={to} className={inputClass} onChange={() => setMode("custom")} />
      </Field>
    </>
  );
}
