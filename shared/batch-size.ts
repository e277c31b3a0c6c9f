// How many procedures one console API request may carry: the server refuses more (server/api/batch-limit.ts) and the
// browser's batching link never sends more.
export const maxBatchSize = 10;
