/** The breaker page, keeping the time window of the page the link is on. */
export function breakerHref(service: string, name: string, windowQuery: string): string {
  const path = `/breakers/${encodeURIComponent(service)}/${encodeURIComponent(name)}`;
  return windowQuery === "" ? path : `${path}?${windowQuery}`;
}
