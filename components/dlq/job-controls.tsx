"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { controlJobAction, type ControlJobInput } from "@/app/dlq/jobs/[id]/actions";
import type { RedriveJobStatus } from "@/lib/dlq";

const BUTTONS: { control: ControlJobInput["control"]; label: string; when: RedriveJobStatus[] }[] = [
  { control: "pause", label: "Pause", when: ["running"] },
  { control: "resume", label: "Resume", when: ["paused"] },
  { control: "cancel", label: "Cancel the rest", when: ["running", "paused"] },
];

/** Pause, resume and cancel; a cancel asks first, since the messages not yet sent are let go. */
export function JobControls({ jobId, status }: { jobId: string; status: RedriveJobStatus }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (control: ControlJobInput["control"]) => {
    if (control === "cancel" && !window.confirm("Cancel the messages not sent yet? Those already sent stay sent.")) return;
    startTransition(async () => {
      const result = await controlJobAction({ jobId, control });
      setProblem(result.ok ? null : result.error.message);
      router.refresh();
    });
  };
  const shown = BUTTONS.filter((b) => b.when.includes(status));
  if (shown.length === 0) return null;
  return (
    <div className="flex items-center gap-2 text-sm" data-testid="job-controls">
      {shown.map((b) => (
        <button key={b.control} type="button" disabled={pending} onClick={() => run(b.control)}
          className={`rounded border px-3 py-1 disabled:opacity-60 ${b.control === "cancel" ? "border-bad/40 text-bad hover:bg-bad-soft" : "border-border hover:bg-surface-2"}`}>
          {b.label}
        </button>
      ))}
      {problem && <span role="alert" className="text-bad">{problem}</span>}
    </div>
  );
}
