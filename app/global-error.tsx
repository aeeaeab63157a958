"use client";

import { useLayoutEffect } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { applyPreferredTheme } from "@/components/theme/theme-storage";
import "./globals.css";

// Replaces the root layout when that itself fails (for example the configuration is invalid).
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  // This document is rendered in the browser, so the <head> theme script never ran for it.
  useLayoutEffect(applyPreferredTheme, []);
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="p-8">
        <title>Flowdeck · error</title>
        <h1 className="mb-4 text-xl font-semibold tracking-tight">Flowdeck</h1>
        <ErrorPanel title="Flowdeck failed to start this page" error={error} retry={retry} />
      </body>
    </html>
  );
}
