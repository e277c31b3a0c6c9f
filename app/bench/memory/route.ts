// Soak measurement (npm run soak): the server's heap after a full garbage collection, which, unlike resident size,
// only grows when something is kept. Off unless started with BENCH_ROUTES=1 (and --expose-gc for the collection).
export const dynamic = "force-dynamic";

export async function GET() {
  if (process.env.BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  const gc = (globalThis as { gc?: () => void }).gc;
  // Twice: the first pass can leave objects that only become unreachable once finalizers ran.
  gc?.();
  gc?.();
  const { heapUsed, rss, external } = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return Response.json({ collected: Boolean(gc), heapUsedMb: mb(heapUsed), externalMb: mb(external), rssMb: mb(rss) });
}
