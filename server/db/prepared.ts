// Queries on the hot paths (every published tools/call) are prepared once per database handle: drizzle otherwise
// rebuilds their SQL text from the query builder on every call. Inside a transaction the handle is new each time,
// so nothing is kept there. JavaScript-side defaults ($defaultFn ids) would be baked in at build time: every value
// such a query writes comes from a placeholder.
import "server-only";
import type { Tx } from "./index";

export function preparedPerDb<Q>(build: (db: Tx) => Q): (db: Tx) => Q {
  const byHandle = new WeakMap<Tx, Q>();
  return (db) => {
    let query = byHandle.get(db);
    if (!query) byHandle.set(db, (query = build(db)));
    return query;
  };
}
