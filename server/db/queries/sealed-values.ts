// Sealed columns across every workspace, for the operator's key retirement (`npm run admin -- secrets:reseal`).
// The one place queries run without a workspace id: re-encryption is per row and shows nothing to any tenant.
import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/server/db";

export interface SealedColumnRef {
  table: string;
  /** Primary key column, text; batches walk it in order so a rerun resumes without an offset. */
  key: string;
  /** A second key column, text, where the primary key has two (a person's connection: server and user). */
  tieKey?: string;
  /** Columns read for each row: the sealed one first, then what its associated data needs. */
  columns: string[];
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);

const keysOf = (ref: Pick<SealedColumnRef, "key" | "tieKey">) => [ref.key, ...(ref.tieKey ? [ref.tieKey] : [])];

/** Up to `limit` rows after `afterKey` (the key values of the last row seen), in key order. */
export async function listSealedBatch(db: Tx, ref: SealedColumnRef & { afterKey: string[] | null; limit: number }) {
  const keys = keysOf(ref).map((c) => sql.identifier(c));
  const columns = sql.join([...keys, ...ref.columns.map((c) => sql.identifier(c))], sql`, `);
  const tuple = sql`(${sql.join(keys, sql`, `)})`;
  const after = ref.afterKey === null ? sql`true` : sql`${tuple} > (${sql.join(ref.afterKey.map((v) => sql`${v}`), sql`, `)})`;
  const result = await db.execute(
    sql`select ${columns} from ${sql.identifier(ref.table)} where ${after} order by ${sql.join(keys, sql`, `)} limit ${ref.limit}`,
  );
  return rowsOf(result);
}

/** The key values of a row listed by listSealedBatch. */
export const sealedRowKey = (ref: Pick<SealedColumnRef, "key" | "tieKey">, row: Row) => keysOf(ref).map((c) => row[c] as string);

/**
 * Writes new values only where the row still holds what was read, so a save racing the reseal wins (it sealed with
 * the current key already). Values are text, or JSON for jsonb columns. True when the row was updated.
 */
export async function replaceSealedValues(
  db: Tx,
  { table, key, tieKey, id, values }: { table: string; key: string; tieKey?: string; id: string[]; values: Array<{ column: string; from: unknown; to: unknown; json?: boolean }> },
): Promise<boolean> {
  const param = (v: unknown, json?: boolean) => (json ? sql`${JSON.stringify(v)}::jsonb` : sql`${v as string | null}`);
  const sets = sql.join(values.map((v) => sql`${sql.identifier(v.column)} = ${param(v.to, v.json)}`), sql`, `);
  const keyMatch = keysOf({ key, tieKey }).map((c, i) => sql`${sql.identifier(c)} = ${id[i]!}`);
  const same = values.map((v) => (v.from === null ? sql`${sql.identifier(v.column)} is null` : sql`${sql.identifier(v.column)} = ${param(v.from, v.json)}`));
  const result = await db.execute(
    sql`update ${sql.identifier(table)} set ${sets} where ${sql.join([...keyMatch, ...same], sql` and `)} returning ${sql.identifier(key)}`,
  );
  return rowsOf(result).length > 0;
}
