import { NextResponse, type NextRequest } from "next/server";
import { gate } from "@/lib/auth/sign-in-gate";
import { getMetrics, routeLabel } from "@/lib/metrics";
import { pageHeaders } from "@/lib/security";

// Counts requests for /api/metrics, sends requests without a session to sign-in, and gives every page a
// fresh CSP nonce. The OTLP ingest path is left out: the proxy would cap and buffer its bodies (its
// static headers come from next.config.mjs, its bearer tokens are checked by its route).
export function proxy(request: NextRequest): NextResponse {
  getMetrics().httpRequests.inc({ route: routeLabel(request.nextUrl.pathname), method: request.method });
  const decision = gate(request.nextUrl.pathname, request.nextUrl.search, request.method, request.headers);
  if (decision.kind === "sign-in") return NextResponse.redirect(new URL(decision.location, request.url));
  if (decision.kind === "unauthenticated") {
    return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in to use Flowdeck." } }, { status: 401 });
  }
  // NODE_ENV is fixed by `next dev` / `next build`, not operator configuration, so it is read here.
  const headers = pageHeaders(request.headers, request.nextUrl.protocol, process.env.NODE_ENV === "development");
  const response = NextResponse.next({ request: { headers: headers.request } });
  for (const [name, value] of Object.entries(headers.response)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/otlp).*)"],
};
