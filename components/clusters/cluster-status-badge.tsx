import { Badge } from "@/components/ui/badge";

/** "Up" or "Down", nothing else, so scripts and tests can read the cluster's state from it. */
export function ClusterStatusBadge({ name, up }: { name: string; up: boolean }) {
  return (
    <Badge tone={up ? "ok" : "bad"} testId={`cluster-status-${name}`}>
      {up ? "Up" : "Down"}
    </Badge>
  );
}
