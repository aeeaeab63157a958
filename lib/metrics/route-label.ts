/** A low-cardinality route label: ids in paths would otherwise make one series per saga or message. */
export function routeLabel(pathname: string): string {
  const parts = pathname.split("/").filter(Boolean);
  if (parts.length === 0) return "/";
  const keep = parts[0] === "api" ? 3 : 1;
  return "/" + parts.slice(0, keep).join("/") + (parts.length > keep ? "/*" : "");
}
