"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BreakerStateName } from "@/lib/projections/breaker-events";
import { STATE_LEVEL, type StateStep } from "@/lib/breakers/state-steps";
import { axisTime, tooltipTime } from "@/components/charts/time-axis";
import { useTimePreference } from "@/components/time/time-context";

const LEVEL_LABEL = ["closed", "half-open", "open"];
const STATE_LABEL: Record<BreakerStateName, string> = { closed: "closed", half_open: "half-open", open: "open" };

/** The breaker's state as a step chart: closed, half-open and open as three levels over the window. */
export function StateStepChart({ steps, from, to }: { steps: StateStep[]; from: number; to: number }) {
  const { timeZone } = useTimePreference();
  const data = steps.map((s) => ({ t: s.t, level: s.state === null ? null : STATE_LEVEL[s.state], state: s.state }));
  return (
    <div data-testid="breaker-state-chart" className="h-44 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} tickFormatter={(t: number) => axisTime(t, timeZone, to - from)}
            stroke="var(--muted)" fontSize={11} minTickGap={40} />
          <YAxis type="number" domain={[0, 2]} ticks={[0, 1, 2]} tickFormatter={(l: number) => LEVEL_LABEL[l] ?? ""} stroke="var(--muted)" fontSize={11} width={72} />
          <Tooltip
            labelFormatter={(t) => tooltipTime(Number(t), timeZone)}
            formatter={(_value, _name, item) => {
              const state = (item.payload as { state: BreakerStateName | null }).state;
              return [state === null ? "unknown" : STATE_LABEL[state], "state from here"];
            }}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }}
          />
          <Area type="stepAfter" dataKey="level" stroke="var(--bad)" strokeWidth={2} fill="var(--bad)" fillOpacity={0.12} isAnimationActive={false} connectNulls={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
