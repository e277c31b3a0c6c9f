"use client";
// Regenerate on either kind of server: confirmed first, since the old URL stops at once for every connected client.
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function RegenerateUrlButton({ regenerate }: { regenerate: () => Promise<unknown> }) {
  return (
    <ConfirmDialog
      title="Regenerate the server URL?"
      description="The old URL stops working at once, for every connected client. You will need to paste the new URL into each of them."
      confirmLabel="Regenerate URL"
      destructive
      onConfirm={async () => {
        await regenerate();
        toast.success("New URL ready: the old one no longer works");
      }}
      trigger={
        <Button variant="ghost" size="sm">
          <RefreshCw aria-hidden /> Regenerate URL
        </Button>
      }
    />
  );
}
