// The error a run's tool call fails with when the person the run is for must connect their own account to a
// per-person server (again): unlike a shared server's, they can fix it themselves, so Debug & Preview offers Connect.
import { AppError } from "@/server/errors";

/** A person's own connection to a per-person server is missing or needs renewing: they can fix it themselves. */
export class PersonConnectionNeeded extends AppError {
  constructor(
    reason: string,
    readonly server: { id: string; name: string },
  ) {
    super("unauthorized:mcp_oauth", reason);
  }
}

/** The server a person must connect to again, if `error` (or what caused it) says so. */
export function personConnectionNeeded(error: unknown): { id: string; name: string } | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof PersonConnectionNeeded) return e.server;
  }
  return undefined;
}
