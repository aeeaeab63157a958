/** With several clusters on one long page, a way to jump straight to the one being discussed. */
export function ClusterJumpLinks({ names }: { names: string[] }) {
  if (names.length < 2) return null;
  return (
    <nav aria-label="Clusters on this page" className="mb-4 flex flex-wrap items-center gap-1.5 text-sm">
      <span className="text-muted">Jump to</span>
      {names.map((name) => (
        <a key={name} href={`#cluster-${name}`} className="rounded-md border border-border bg-surface px-2 py-0.5 font-mono text-[13px] hover:bg-surface-2">
          {name}
        </a>
      ))}
    </nav>
  );
}
