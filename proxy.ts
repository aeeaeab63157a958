import { NextResponse, type NextRequest } from "next/server";
import { getMetrics, routeLabel } from "@/lib/metrics";
import { pageHeaders } from "@/lib/security";

// Counts requests for /api/metrics and gives every page a fresh CSP nonce. The OTLP ingest path is left
// out: the proxy would cap and buffer its bodies (its static headers come from next.config.mjs instead).
export function proxy(request: NextRequest): NextResponse {
  getMetrics().httpRequests.inc({ route: routeLabel(request.nextUrl.pathname), method: request.method });
  // NODE_ENV is fixed by `next dev` / `next build`, not operator configuration, so it is read here.
  const headers = pageHeaders(request.headers, request.nextUrl.protocol, process.env.NODE_ENV === "development");
  const response = NextResponse.next({ request: { headers: headers.request } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/otlp).*)"],
};
