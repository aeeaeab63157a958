/** The Flowdeck mark (two producers flowing into one topic); the same drawing as public/flowdeck.svg. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={className}>
      <rect width="32" height="32" rx="7" className="fill-accent" />
      <path d="M9 10 L23 16 L9 22" fill="none" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" className="stroke-surface opacity-75" />
      <circle cx="9" cy="10" r="3" className="fill-surface" />
      <circle cx="9" cy="22" r="3" className="fill-surface" />
      <circle cx="23" cy="16" r="3.6" className="fill-surface" />
    </svg>
  );
}
