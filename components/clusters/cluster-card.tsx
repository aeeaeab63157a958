import type { ReactNode } from "react";

/** The frame around one cluster; a down cluster gets a red edge so it stands out while scrolling. */
export function ClusterCard({ name, down = false, children }: { name: string; down?: boolean; children: ReactNode }) {
  return (
    <section
      id={`cluster-${name}`}
      aria-labelledby={`cluster-${name}-title`}
      className={`scroll-mt-4 overflow-hidden rounded-lg border bg-surface ${down ? "border-bad/50" : "border-border"}`}
    >
      {children}
    </section>
  );
}
