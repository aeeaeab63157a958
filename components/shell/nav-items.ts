export type NavItem = { href: string; label: string; built: boolean; adminOnly?: boolean };

// In the order an SRE works an incident: the big picture, then flows and sagas, then the fixes.
export const NAV_ITEMS: NavItem[] = [
  { href: "/overview", label: "Overview", built: true },
  { href: "/flows", label: "Flows", built: true },
  { href: "/sagas", label: "Sagas", built: true },
  { href: "/breakers", label: "Breakers", built: true },
  { href: "/dlq", label: "DLQ", built: true },
  { href: "/traces", label: "Traces", built: true },
  { href: "/clusters", label: "Clusters", built: true },
  { href: "/audit", label: "Audit", built: true },
  { href: "/settings/users", label: "Users", built: true, adminOnly: true },
];

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
