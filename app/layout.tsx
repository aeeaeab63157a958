import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { getOperator } from "@/lib/auth";
import { NONCE_HEADER } from "@/lib/security";
import { Providers } from "@/components/providers";
import { Sidebar } from "@/components/shell/sidebar";
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
  const [operator, cookieStore, requestHeaders] = await Promise.all([getOperator(), cookies(), headers()]);
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
          <div className="flex min-h-dvh flex-col md:flex-row">
            <Sidebar operatorName={operator.name} />
            <main id="main" className="min-w-0 flex-1 px-4 py-5 md:px-8 md:py-6">
              {children}
            </main>
          </div>
        </Providers>
      </body>
    </html>
  );
}
