"use client";

// Revoke in a row of keys (console API keys, a server's bearer keys): asks first, then says it is done.
import { toast } from "sonner";
import { RevokeButton } from "./revoke-button";

/** `description`: who stops working once the key is gone. */
export function RevokeKeyButton({ name, description, onRevoke }: { name: string; description: string; onRevoke(): Promise<unknown> }) {
  return (
    <RevokeButton
      title={`Revoke "${name}"?`}
      description={description}
      confirmLabel="Revoke key"
      onConfirm={async () => {
        await onRevoke();
        toast.success("Key revoked");
      }}
    />
  );
}
