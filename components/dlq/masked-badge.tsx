import { Badge } from "@/components/ui/badge";

/** Says that a value shown as •••• was hidden by masking rules, and by which. */
export function MaskedBadge({ rules }: { rules: readonly string[] | undefined }) {
  if (!rules || rules.length === 0) return null;
  const names = [...new Set(rules)].join(", ");
  return <Badge tone="neutral" testId="dlq-masked" title={`Hidden from viewers by masking rule${rules.length > 1 ? "s" : ""}: ${names}`}>masked · {names}</Badge>;
}
