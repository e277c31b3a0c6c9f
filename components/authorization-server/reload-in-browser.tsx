"use client";
// Loads the consent page again as a browser navigation. After signing in with email and password, Next renders the
// page the sign-in action redirects to inside that action's own request (to /sign-in), which does not carry the
// provider's interaction cookie (its path is /oauth/consent/<uid>): the page then looked expired. The browser's own
// request does carry it.
import { useEffect } from "react";

export function ReloadInBrowser({ href }: { href: string }) {
  useEffect(() => window.location.replace(href), [href]);
  return (
    <p role="status" className="text-sm text-muted-foreground">
      Loading…
    </p>
  );
}
