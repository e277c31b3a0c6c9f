// The benchmark's table: one row per target, method and concurrency, with ours/naive and ours/framework ratios.
import type { Cell } from "./load";

export type Target = "raw" | "framework" | "naive" | "ours";
export type Results = Record<Target, Record<string, Record<number, Cell>>>;

export function printTable(results: Results, peakRss: Record<Target, number>) {
  const rows: string[][] = [["target", "method", "conc", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors", "ours/naive", "ours/framework"]];
  for (const [target, methods] of Object.entries(results) as Array<[Target, Results[Target]]>) {
    for (const [method, cells] of Object.entries(methods)) {
      for (const [conc, cell] of Object.entries(cells)) {
        const ratio = (base: Target) => (target === "ours" ? ratioOf(cell, results[base]?.[method]?.[Number(conc)]) : "");
        rows.push([target, method, conc, String(cell.rps), String(cell.p50), String(cell.p90), String(cell.p99), String(cell.errors), ratio("naive"), ratio("framework")]);
      }
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const row of rows) console.log(row.map((value, i) => value.padStart(widths[i])).join("  "));
  console.log(`\npeak RSS (MB): ${Object.entries(peakRss).map(([t, mb]) => `${t} ${mb}`).join(", ")}`);
}

function ratioOf(ours: Cell, base: Cell | undefined): string {
  return base && base.rps > 0 ? `${(ours.rps / base.rps).toFixed(2)}x` : "-";
}
