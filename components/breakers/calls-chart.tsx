"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTime, tooltipTime } from "@/components/charts/time-axis";
import { useTimePreference } from "@/components/time/time-context";

import { withClosingPoint, type CallsPoint } from "@/lib/breakers/calls-series";

/** Calls per bin stacked by outcome, with the error share on its own axis. */
export function CallsChart({ points, from, to, binMinutes }: { points: CallsPoint[]; from: number; to: number; binMinutes: number }) {
  const { timeZone } = useTimePreference();
  const per = binMinutes === 1 ? "minute" : `${binMinutes} minutes`;
  const data = withClosingPoint(points, binMinutes * 60_000);
  return (
    <div data-testid="breaker-calls-chart" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="at" type="number" scale="time" domain={[from, to]} tickFormatter={(t: number) => axisTime(t, timeZone, to - from)}
            stroke="var(--muted)" fontSize={11} minTickGap={40} />
          <YAxis yAxisId="calls" stroke="var(--muted)" fontSize={11} width={48} allowDecimals={false} label={{ value: `calls / ${per}`, angle: -90, position: "insideLeft", fontSize: 11, fill: "var(--muted)" }} />
          <YAxis yAxisId="share" orientation="right" domain={[0, 100]} unit="%" stroke="var(--muted)" fontSize={11} width={44} />
          <Tooltip labelFormatter={(t) => tooltipTime(Number(t), timeZone)} contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Area yAxisId="calls" type="stepAfter" dataKey="success" name="succeeded" className="calls-succeeded" stackId="calls" stroke="var(--ok)" fill="var(--ok)" fillOpacity={0.25} isAnimationActive={false} />
          <Area yAxisId="calls" type="stepAfter" dataKey="failed" name="failed or timed out" className="calls-failed" stackId="calls" stroke="var(--bad)" fill="var(--bad)" fillOpacity={0.35} isAnimationActive={false} />
          <Area yAxisId="calls" type="stepAfter" dataKey="rejected" name="rejected (open)" className="calls-rejected" stackId="calls" stroke="var(--warn)" fill="var(--warn)" fillOpacity={0.3} isAnimationActive={false} />
          <Area yAxisId="calls" type="stepAfter" dataKey="fallback" name="fallback" stackId="calls" stroke="var(--muted)" fill="var(--muted)" fillOpacity={0.2} isAnimationActive={false} />
          <Line yAxisId="share" type="stepAfter" dataKey="errorPercent" name="error %" stroke="var(--fg)" strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
