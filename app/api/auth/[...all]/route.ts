import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/better-auth";

// Better Auth's endpoints: password and SSO sign-in, the SSO callback, sign-out, the session, and the
// admin plugin's user management (admins only). Built on first request, after configuration is loaded.
export async function GET(request: Request): Promise<Response> {
  return toNextJsHandler(getAuth()).GET(request);
}

export async function POST(request: Request): Promise<Response> {
  return toNextJsHandler(getAuth()).POST(request);
}
