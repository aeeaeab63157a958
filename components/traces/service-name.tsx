import { serviceColor } from "./service-color";

/** A service's name beside its colour swatch (the swatch is decoration: the name carries the meaning). */
export function ServiceName({ name, className = "" }: { name: string; className?: string }) {
  return (
    <span className={`inline-flex min-w-0 items-center gap-1.5 ${className}`}>
      <span aria-hidden="true" className="size-2.5 shrink-0 rounded-sm" style={{ backgroundColor: serviceColor(name) }} />
      <span className="truncate" title={name}>{name}</span>
    </span>
  );
}
