// Every row of every table as one string, for "this secret is nowhere in the database" assertions.
import { sql } from "drizzle-orm";
import { getDb } from "@/server/db";

export async function dumpDatabase(): Promise<string> {
  const db = await getDb();
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as
    | Array<{ table_name: string }>
    | { rows: Array<{ table_name: string }> };
  const names = (Array.isArray(tables) ? tables : tables.rows).map((t) => t.table_name);
  const parts: string[] = [];
  for (const name of names) {
    const rows = await db.execute(sql`select * from ${sql.identifier(name)}`);
    parts.push(`${name}: ${JSON.stringify(Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows)}`);
  }
  return parts.join("\n");
}
