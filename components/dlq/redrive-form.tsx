"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { RedrivePreparation } from "@/lib/dlq";
import { prepareRedriveAction, startRedriveAction } from "@/app/dlq/[cluster]/[topic]/redrive-actions";
import type { SelectionInput } from "@/app/dlq/[cluster]/[topic]/action-support";
import { ProjectionLagNote } from "@/components/projection-lag-note";
import { RedrivePreview } from "./redrive-preview";

type Props = { cluster: string; topic: string; selection: SelectionInput; label: string; testId: string };

const n = (value: number) => value.toLocaleString("en-US");

/**
 * Redrive with a confirmation: the dry run (count, where the messages go, open breakers, the loop guard and
 * the first messages as sent), a velocity limit, overrides, and the count typed for large redrives. A
 * started job opens its progress page.
 */
export function RedriveForm({ cluster, topic, selection, label, testId }: Props) {
  const router = useRouter();
  const [preparation, setPreparation] = useState<RedrivePreparation | null>(null);
  const [target, setTarget] = useState<{ kind: "original" } | { kind: "other"; topic: string }>({ kind: "original" });
  const [velocity, setVelocity] = useState("");
  const [overrideBreakers, setOverrideBreakers] = useState(false);
  const [overrideLoopGuard, setOverrideLoopGuard] = useState(false);
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const targetTopic = target.kind === "other" ? target.topic.trim() : null;

  const prepare = () => startTransition(async () => {
    setProblem(null);
    const result = await prepareRedriveAction({ cluster, topic, selection, targetTopic });
    if (result.ok) setPreparation(result.data);
    else setProblem(result.error.message);
  });

  const start = (event: React.SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!preparation) return;
    startTransition(async () => {
      setProblem(null);
      const result = await startRedriveAction({
        cluster, topic, selection, targetTopic, overrideBreakers, overrideLoopGuard,
        velocity: velocity.trim() === "" ? null : Number(velocity),
        asOf: new Date(preparation.asOf).toISOString(),
        confirmedCount: typed.trim() === "" ? null : Number(typed.replace(/[,\s_]/g, "")),
      });
      if (result.ok) router.push(`/dlq/jobs/${result.data.jobId}${result.data.conflicts > 0 ? `?conflicts=${result.data.conflicts}` : ""}`);
      else setProblem(result.error.message);
    });
  };

  if (!preparation) {
    return (
      <div data-testid={testId} className="text-sm">
        <button type="button" onClick={prepare} disabled={pending} className="rounded bg-accent px-2 py-1 font-medium text-white disabled:opacity-60">
          {pending ? "Checking…" : `${label}…`}
        </button>
        {problem && <p role="alert" className="mt-1 text-bad">{problem}</p>}
      </div>
    );
  }
  const p = preparation;
  const needsTyping = p.count > p.confirmAbove;
  const needsApproval = p.approvalAbove !== null && p.count > p.approvalAbove;
  return (
    <form data-testid={testId} onSubmit={start} className="flex flex-col gap-3 rounded border border-accent/40 bg-surface p-3 text-sm" aria-label="Confirm redrive">
      <p className="font-medium">Redrive {n(p.count)} message{p.count === 1 ? "" : "s"}</p>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs text-muted">Send to</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="target" checked={target.kind === "original"} onChange={() => { setTarget({ kind: "original" }); setPreparation(null); }} />
          their original topic{target.kind === "original" && p.byTarget.length > 0 ? `: ${p.byTarget.map((t) => `${t.topic ?? "(none)"} (${n(t.count)})`).join(", ")}` : ""}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="target" checked={target.kind === "other"} onChange={() => setTarget({ kind: "other", topic: "" })} />
          another topic
          {target.kind === "other" && (
            <>
              <input aria-label="Target topic" value={target.topic} onChange={(e) => setTarget({ kind: "other", topic: e.target.value })}
                className="w-56 rounded border border-border bg-surface px-2 py-0.5 font-mono text-xs" />
              <button type="button" onClick={prepare} className="text-accent hover:underline">Check</button>
            </>
          )}
        </label>
      </fieldset>
      <label className="flex items-center gap-2">
        At most
        <input aria-label="Velocity limit" inputMode="numeric" value={velocity} onChange={(e) => setVelocity(e.target.value)} placeholder="no limit"
          className="w-24 rounded border border-border bg-surface px-2 py-0.5 text-right" />
        messages per second
      </label>
      {p.breakers.length > 0 && (
        <div role="alert" className="rounded border border-warn/40 bg-warn-soft p-2">
          <p>Open breakers of services that consume {p.breakers.length === 1 ? "this target" : "these targets"}: the job waits until they close.</p>
          <ul className="my-1 font-mono text-xs">{p.breakers.map((b) => <li key={`${b.service}/${b.breaker}`}>{b.service} / {b.breaker} (consumes {b.topics.join(", ")})</li>)}</ul>
          <label className="flex items-center gap-2"><input type="checkbox" checked={overrideBreakers} onChange={(e) => setOverrideBreakers(e.target.checked)} />Send anyway, while they are open</label>
        </div>
      )}
      <ProjectionLagNote seconds={p.projectionLagSeconds} what="The breaker states" />
      {p.loopGuarded > 0 && (
        <div className="rounded border border-warn/40 bg-warn-soft p-2">
          <p>{n(p.loopGuarded)} {p.loopGuarded === 1 ? "was" : "were"} already redriven {p.maxRedrives} times and will be skipped.</p>
          <label className="flex items-center gap-2"><input type="checkbox" checked={overrideLoopGuard} onChange={(e) => setOverrideLoopGuard(e.target.checked)} />Send {p.loopGuarded === 1 ? "it" : "them"} again anyway</label>
        </div>
      )}
      {p.inOtherJobs > 0 && <p className="text-muted">{n(p.inOtherJobs)} {p.inOtherJobs === 1 ? "is" : "are"} already in another redrive job and stay{p.inOtherJobs === 1 ? "s" : ""} with it.</p>}
      <RedrivePreview messages={p.preview} />
      {needsTyping && (
        <label className="flex flex-col gap-1">
          <span>This is more than {n(p.confirmAbove)} messages. Type <strong>{n(p.count)}</strong> to confirm.</span>
          <input aria-label="Type the count to confirm" value={typed} onChange={(e) => setTyped(e.target.value)} className="w-40 rounded border border-border bg-surface px-2 py-0.5" />
        </label>
      )}
      {needsApproval && (
        <p className="rounded border border-warn/40 bg-warn-soft p-2" data-testid="redrive-needs-approval">
          More than {n(p.approvalAbove ?? 0)} messages: the job is created awaiting a second operator&apos;s approval, and nothing is sent until then.
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={pending || (needsTyping && Number(typed.replace(/[,\s_]/g, "")) !== p.count)}
          className="rounded bg-accent px-3 py-1 font-medium text-white disabled:opacity-60">
          {pending ? "Starting…" : needsApproval ? `Ask for approval to redrive ${n(p.count)}` : `Redrive ${n(p.count)}`}
        </button>
        <button type="button" onClick={() => setPreparation(null)} className="text-muted hover:text-fg">Cancel</button>
      </div>
      {problem && <p role="alert" className="text-bad">{problem}</p>}
    </form>
  );
}
