import type { ReactNode } from "react";

export type Tone = "ok" | "bad" | "warn" | "neutral" | "accent";

// Green means healthy, red broken, amber in between: the same three colours on every Flowdeck page.
const toneClasses: Record<Tone, string> = {
  ok: "bg-ok-soft text-ok ring-ok/30",
  bad: "bg-bad-soft text-bad ring-bad/30",
  warn: "bg-warn-soft text-warn ring-warn/30",
  neutral: "bg-surface-2 text-muted ring-border",
  accent: "bg-accent-soft text-accent ring-accent/30",
};

export function Badge({ tone, children, title, testId }: { tone: Tone; children: ReactNode; title?: string; testId?: string }) {
  return (
    <span
      title={title}
      data-testid={testId}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium leading-none ring-1 ring-inset ${toneClasses[tone]}`}
    >
      {children}
    </span>
  );
}
