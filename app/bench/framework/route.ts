// Benchmark baseline (npm run bench): the cost of Next.js alone answering a constant JSON-RPC result.
// Off unless the server was started with BENCH_ROUTES=1, so production deployments never expose it.
import { constantAnswer } from "@/bench/constant-answers";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  if (process.env.BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  return Response.json(constantAnswer(await req.json()));
}
