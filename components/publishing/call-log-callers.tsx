"use client";
// Sign-in callers in the MCP calls log: the person and OAuth client filters (their choices are who called this
// server with sign-in), and the cell that names who made a call.
import { useQuery } from "@tanstack/react-query";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { useServerApi, type ServerRef } from "./server-api";
import type { CallLog } from "./types";

export interface CallerFilter {
  callerUserId: string;
  oauthClientId: string;
}

/** Nothing until someone has called with sign-in: servers that never used it keep today's three filters. */
export function CallerFilters({ server, value, onChange }: { server: ServerRef; value: CallerFilter; onChange: (next: CallerFilter) => void }) {
  const api = useServerApi(server);
  const callers = useQuery({ queryKey: api.callersKey, queryFn: api.listCallers });
  const people = callers.data?.people ?? [];
  const clients = callers.data?.clients ?? [];
  if (people.length === 0 && clients.length === 0 && !value.callerUserId && !value.oauthClientId) return null;
  return (
    <>
      <Field label="Person">
        <NativeSelect value={value.callerUserId} onChange={(e) => onChange({ ...value, callerUserId: e.target.value })}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.name ? `${p.name} (${p.email})` : p.email}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Signed-in client">
        <NativeSelect value={value.oauthClientId} onChange={(e) => onChange({ ...value, oauthClientId: e.target.value })}>
          <option value="">All clients</option>
          {clients.map((c) => (
            <option key={c.clientId} value={c.clientId}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
    </>
  );
}

/** The MCP client as it introduced itself, and for a sign-in call the person and the OAuth client behind the token. */
export function CallerCell({ log }: { log: CallLog }) {
  const client = log.clientName ? `${log.clientName}${log.clientVersion ? ` ${log.clientVersion}` : ""}` : "Unknown";
  const person = log.callerName ?? log.callerEmail;
  return (
    <td className="px-4 py-2 text-muted-foreground">
      <span className="whitespace-nowrap">{client}</span>
      {(log.callerUserId || log.oauthClientId) && (
        <p className="text-xs text-foreground">
          {/* A deleted account leaves the client: the row's person is then cleared (on delete set null). */}
          {person ? <span title={log.callerEmail ?? undefined}>{person}</span> : <span className="text-muted-foreground">A deleted account</span>}
          {log.oauthClientName && <span className="text-muted-foreground"> via {log.oauthClientName}</span>}
        </p>
      )}
    </td>
  );
}
