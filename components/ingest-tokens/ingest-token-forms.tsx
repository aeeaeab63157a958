"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type SubmitEvent } from "react";
import { createTokenAction, revokeTokenAction, rotateTokenAction } from "@/app/settings/ingest-tokens/actions";

/** A token just made: shown once, to be copied into the exporter's configuration. */
function OnceShown({ name, token }: { name: string; token: string }) {
  return (
    <div role="status" data-testid="ingest-token-once" className="mt-3 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm">
      <p>The token for <b>{name}</b>; Flowdeck keeps only its digest, so copy it now:</p>
      <code className="mt-1 block select-all font-mono text-xs [overflow-wrap:anywhere]">{token}</code>
      <p className="mt-1 text-xs text-muted">Exporters send it as <code>OTEL_EXPORTER_OTLP_HEADERS=&quot;Authorization=Bearer …&quot;</code>.</p>
    </div>
  );
}

export function NewIngestTokenForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = new FormData(form).get("name");
    setError(null);
    setMade(null);
    startTransition(async () => {
      const result = await createTokenAction({ name: typeof name === "string" ? name : "" });
      if (result.ok) {
        form.reset();
        setMade(result.data);
        router.refresh();
      } else {
        setError(result.error.message);
      }
    });
  }

  return (
    <div>
      <form onSubmit={submit} className="flex items-end gap-2">
        <label className="flex-1 text-sm">
          <span className="mb-1 block text-muted">Name (who holds it, e.g. payment-service)</span>
          <input name="name" required className="w-full rounded-md border border-border bg-surface px-2.5 py-1.5 text-sm" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-accent px-3.5 py-1.5 text-sm font-medium text-surface hover:opacity-90 disabled:opacity-60">Make token</button>
      </form>
      {error && <p role="alert" className="mt-2 text-sm text-bad">{error}</p>}
      {made && <OnceShown {...made} />}
    </div>
  );
}

export function IngestTokenActions({ name }: { name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [rotated, setRotated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const small = "rounded border border-border bg-surface px-2 py-0.5 text-xs hover:bg-surface-2 disabled:opacity-60";

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <button type="button" className={small} disabled={pending} onClick={() => {
        if (!window.confirm(`Replace the token of ${name}? The old one stops working within seconds.`)) return;
        startTransition(async () => {
          const result = await rotateTokenAction({ name });
          if (result.ok) setRotated(result.data);
          else setError(result.error.message);
          router.refresh();
        });
      }}>Rotate</button>
      <button type="button" className={small} disabled={pending} onClick={() => {
        if (!window.confirm(`Revoke the token of ${name}? Its exporters are refused within seconds.`)) return;
        startTransition(async () => {
          const result = await revokeTokenAction({ name });
          if (!result.ok) setError(result.error.message);
          router.refresh();
        });
      }}>Revoke</button>
      {error && <p role="alert" className="w-full text-xs text-bad">{error}</p>}
      {rotated && <OnceShown {...rotated} />}
    </div>
  );
}
