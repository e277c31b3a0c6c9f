// Sealed columns across every workspace, for the operator's key retirement (`npm run admin -- secrets:reseal`).
// The one place queries run without a workspace id: re-encryption is per row and shows nothing to any tenant.
import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/server/db";

export interface SealedColumnRef {
  table: string;
  /** Primary key column, text; batches walk it in order so a rerun resumes without an offset. */
  key: string;
  /** Columns read for each row: the sealed one first, then what its associated data needs. */
  columns: string[];
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);

/** Up to `limit` rows after `afterKey`, in key order. */
export async function listSealedBatch(db: Tx, ref: SealedColumnRef & { afterKey: string | null; limit: number }) {
  const columns = sql.join([ref.key, ...ref.columns].map((c) => sql.identifier(c)), sql`, `);
  const after = ref.afterKey === null ? sql`true` : sql`${sql.identifier(ref.key)} > ${ref.afterKey}`;
  const result = await db.execute(
    sql`select ${columns} from ${sql.identifier(ref.table)} where ${after} order by ${sql.identifier(ref.key)} limit ${ref.limit}`,
  );
  return rowsOf(result);
}

/**
 * Writes new values only where the row still holds what was read, so a save racing the reseal wins (it sealed with
 * the current key already). Values are text, or JSON for jsonb columns. True when the row was updated.
 */
export async function replaceSealedValues(
  db: Tx,
  { table, key, id, values }: { table: string; key: string; id: string; values: Array<{ column: string; from: unknown; to: unknown; json?: boolean }> },
): Promise<boolean> {
  const param = (v: unknown, json?: boolean) => (json ? sql`${JSON.stringify(v)}::jsonb` : sql`${v as string | null}`);
  const sets = sql.join(values.map((v) => sql`${sql.identifier(v.column)} = ${param(v.to, v.json)}`), sql`, `);
  const same = values.map((v) => (v.from === null ? sql`${sql.identifier(v.column)} is null` : sql`${sql.identifier(v.column)} = ${param(v.from, v.json)}`));
  const result = await db.execute(
    sql`update ${sql.identifier(table)} set ${sets} where ${sql.identifier(key)} = ${id} and ${sql.join(same, sql` and `)} returning ${sql.identifier(key)}`,
  );
  return rowsOf(result).length > 0;
}
