import type { ReactNode } from "react";

export const inputClass =
  "w-full min-w-0 rounded-md border border-border bg-surface px-2 py-1 text-sm placeholder:text-faint focus-visible:border-accent";

/** A labelled form control; `hint` says what the field matches, under it. */
export function Field({ label, htmlFor, hint, children, className = "" }: { label: string; htmlFor: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={htmlFor} className="text-xs font-medium text-muted">{label}</label>
      {children}
      {hint && <p className="text-xs text-faint">{hint}</p>}
    </div>
  );
}
