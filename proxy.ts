import { NextResponse, type NextRequest } from "next/server";
import { getMetrics, routeLabel } from "@/lib/metrics";

// Counts requests for /api/metrics. The OTLP ingest path is left out: the proxy would buffer its bodies.
export function proxy(request: NextRequest): NextResponse {
  getMetrics().httpRequests.inc({ route: routeLabel(request.nextUrl.pathname), method: request.method });
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/otlp).*)"],
};
