// Root layout: html/body, global styles, theme and toasts for every route.
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: "Switchyard",
  description: "Build AI apps, connect MCP tools, publish apps as MCP servers.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP nonce proxy.ts made for this request: next-themes' inline script needs it. Reading a header also makes
  // every page render per request, which nonces require (a prerendered page would carry no nonce).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // next-themes sets the theme class on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <ThemeProvider nonce={nonce}>
          {children}
          <Toaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
