// Key retirement: re-encrypt every sealed value with the first key of ENCRYPTION_KEYS, so older keys can be removed.
// Batched (one transaction per batch), resumable (values already on the first key are skipped, and each batch is
// committed on its own, so an interrupted run is simply run again), and it counts what it did per column.
import "server-only";
import type { EncryptionKey } from "@/server/crypto/encryption-keys";
import { openWith, sealWith } from "@/server/crypto/secret-box";
import { getDb } from "@/server/db";
import { listSealedBatch, replaceSealedValues, sealedRowKey } from "@/server/db/queries/sealed-values";
import { getSecrets } from "@/server/secrets";
import { sealedColumns, type ResealBox } from "./sealed-columns";

export interface ResealCounts {
  resealed: number;
  alreadyCurrent: number;
  failed: number;
}

export interface ResealReport {
  currentKeyId: string;
  columns: Record<string, ResealCounts>;
  total: ResealCounts;
  /** Up to 20 values that could not be opened, as `<column>:<row key>`: fix or clear them before removing a key. */
  failures: string[];
}

function resealBox(keys: readonly EncryptionKey[]): ResealBox {
  const prefix = `v1.${keys[0]!.kid}.`;
  return {
    isCurrent: (ciphertext) => ciphertext.startsWith(prefix),
    reseal: (ciphertext, aad) => sealWith(keys, openWith(keys, ciphertext, aad), aad),
    seal: (plaintext, aad) => sealWith(keys, plaintext, aad),
  };
}

export async function resealSealedValues({ batchSize = 100, keys = getSecrets().encryptionKeys } = {}): Promise<ResealReport> {
  const box = resealBox(keys);
  const db = await getDb();
  const report: ResealReport = { currentKeyId: keys[0]!.kid, columns: {}, total: { resealed: 0, alreadyCurrent: 0, failed: 0 }, failures: [] };
  for (const column of sealedColumns) {
    const counts: ResealCounts = { resealed: 0, alreadyCurrent: 0, failed: 0 };
    report.columns[column.name] = counts;
    let afterKey: string[] | null = null;
    for (;;) {
      const rows = await listSealedBatch(db, { ...column, afterKey, limit: batchSize });
      if (rows.length === 0) break;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          const rowKey = sealedRowKey(column, row);
          let plan: ReturnType<typeof column.plan>;
          try {
            plan = column.plan(row, box);
          } catch {
            counts.failed += 1;
            if (report.failures.length < 20) report.failures.push(`${column.name}:${rowKey.join(":")}`);
            continue;
          }
          if (plan === null) continue;
          if (plan === "current") counts.alreadyCurrent += 1;
          // A row changed since it was read was saved meanwhile by an instance that (restarted with the new key list)
          // sealed it with the first key; a rerun reports anything still on an older key.
          else if (await replaceSealedValues(tx, { table: column.table, key: column.key, tieKey: column.tieKey, id: rowKey, values: plan })) counts.resealed += 1;
          else counts.alreadyCurrent += 1;
        }
      });
      afterKey = sealedRowKey(column, rows.at(-1)!);
      if (rows.length < batchSize) break;
    }
    for (const k of ["resealed", "alreadyCurrent", "failed"] as const) report.total[k] += counts[k];
  }
  return report;
}
