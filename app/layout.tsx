import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { sessionState } from "@/lib/auth";
import { NONCE_HEADER } from "@/lib/security";
import { Providers } from "@/components/providers";
import { Sidebar } from "@/components/shell/sidebar";
import { SessionStoreDown } from "@/components/auth/session-store-down";
import { ThemeScript } from "@/components/theme/theme-script";
import { TIME_MODE_COOKIE, TIME_ZONE_COOKIE, parseTimePreference } from "@/components/time/time-preference";
import "./globals.css";

// Every page shows the signed-in operator and live broker data: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Flowdeck", template: "%s · Flowdeck" },
  description: "Event flows, sagas, circuit breakers and dead-letter queues in one console.",
  icons: { icon: "/flowdeck.svg" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [session, cookieStore, requestHeaders] = await Promise.all([sessionState(), cookies(), headers()]);
  const timePreference = parseTimePreference(cookieStore.get(TIME_MODE_COOKIE)?.value, cookieStore.get(TIME_ZONE_COOKIE)?.value);

  return (
    // The theme script adds the "dark" class before hydration, hence suppressHydrationWarning on <html>.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={requestHeaders.get(NONCE_HEADER) ?? undefined} />
      </head>
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2">
          Skip to content
        </a>
        <Providers timePreference={timePreference}>
          {/* Without a session only the sign-in page renders here: every other page redirects to it itself. */}
          {session.kind !== "signed-out" ? (
            <div className="flex min-h-dvh flex-col md:flex-row">
              <Sidebar operator={session.kind === "signed-in" ? session.operator : null} />
              <main id="main" className="min-w-0 flex-1 px-4 py-5 md:px-8 md:py-6">
                {session.kind === "signed-in" ? children : <SessionStoreDown error={session.error} />}
              </main>
            </div>
          ) : (
            <main id="main" className="min-h-dvh px-4 py-5">{children}</main>
          )}
        </Providers>
      </body>
    </html>
  );
}
