// The Auth.js database adapter, minus the GitHub/Google tokens: we only need to know who signed in, never to call
// those providers on the user's behalf, so their access, refresh and id tokens are not ours to keep.
import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import type { Db } from "@/server/db";
import { accounts, users } from "@/server/db/schema";

const droppedFields = ["access_token", "refresh_token", "id_token", "session_state"] as const;

export function adapter(db: Db): Adapter {
  const base = DrizzleAdapter(db, { usersTable: users, accountsTable: accounts });
  return {
    ...base,
    linkAccount(account: AdapterAccount) {
      const kept = { ...account };
      for (const field of droppedFields) delete kept[field];
      return base.linkAccount!(kept);
    },
  };
}
