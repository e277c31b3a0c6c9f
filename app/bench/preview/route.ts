// Benchmark baseline (npm run bench): the least a Debug & Preview route can do on this stack, the scripted model's
// answer streamed through the AI SDK as NDJSON text deltas; no auth, no storage, no tools.
// Off unless the server was started with BENCH_ROUTES=1 and the model's address, so production never exposes it.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";

export const dynamic = "force-dynamic";

// One provider for the process, as ours keeps its model clients: a new one per request re-walks its zod schemas.
let model: ReturnType<ReturnType<typeof createOpenAICompatible>["chatModel"]> | undefined;

export async function POST(req: Request) {
  const modelUrl = process.env.BENCH_PREVIEW_MODEL_URL;
  if (process.env.BENCH_ROUTES !== "1" || !modelUrl) return new Response(null, { status: 404 });
  const { query } = (await req.json()) as { query: string };
  model ??= createOpenAICompatible({ name: "bench", baseURL: `${modelUrl}/v1` }).chatModel("bench-model");
  const result = streamText({ model, system: "Answer briefly.", prompt: query, abortSignal: req.signal });
  const encoder = new TextEncoder();
  const lines = result.textStream.pipeThrough(
    new TransformStream<string, Uint8Array>({ transform: (text, controller) => controller.enqueue(encoder.encode(`${JSON.stringify({ type: "text-delta", text })}\n`)) }),
  );
  return new Response(lines, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
