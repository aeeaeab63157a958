"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { NAV_ITEMS, isActive } from "./nav-items";

/** The section links; the current one is highlighted and marked aria-current="page". */
export function NavLinks({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-0.5 md:flex-col">
      {NAV_ITEMS.filter((item) => admin || !item.adminOnly).map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              title={item.built ? undefined : "Not built yet"}
              className="flex items-center justify-between gap-2 rounded-md px-2.5 py-1.5 text-sm text-muted hover:bg-surface-2 hover:text-fg aria-[current=page]:bg-accent-soft aria-[current=page]:font-medium aria-[current=page]:text-fg"
            >
              <span>{item.label}</span>
              {!item.built && <span aria-hidden="true" className="text-[10px] uppercase tracking-wide text-faint">soon</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
