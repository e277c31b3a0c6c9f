"use client";

import type { ComponentProps } from "react";
import { ThemeProvider as NextThemesProvider } from "next-themes";

/**
 * Puts `light` or `dark` on <html> (see the `dark` variant in globals.css) and
 * remembers the choice in localStorage. Its inline script sets the class before
 * paint, so <html> needs `suppressHydrationWarning`.
 */
export function ThemeProvider({ children, ...props }: ComponentProps<typeof NextThemesProvider>) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      // Without this every colour transition in the page animates on toggle.
      disableTransitionOnChange
      {...props}
    >
      {children}
    </NextThemesProvider>
  );
}
