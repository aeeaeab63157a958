"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesPoint } from "@/lib/flows/queries/flow-series";
import { useTimePreference } from "@/components/time/time-context";

/** Messages and errors per minute (or per bin) of the selected node or edge. */
export function SeriesChart({ points, stepMinutes }: { points: SeriesPoint[]; stepMinutes: number }) {
  const { timeZone } = useTimePreference();
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
  const per = stepMinutes === 1 ? "minute" : `${stepMinutes} minutes`;
  return (
    <figure data-testid="flow-series" className="flex flex-col gap-1">
      <figcaption className="text-xs text-muted">Messages and errors per {per}</figcaption>
      <div className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 6, right: 8, bottom: 0, left: -12 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="minute" tickFormatter={(v: string) => time.format(new Date(v))} tick={{ fontSize: 11, fill: "var(--muted)" }} minTickGap={28} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "var(--muted)" }} width={44} />
            <Tooltip
              labelFormatter={(v) => (typeof v === "string" ? time.format(new Date(v)) : "")}
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line type="monotone" dataKey="messages" name="messages" stroke="var(--accent)" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="errors" name="errors" stroke="var(--bad)" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
