// Tracing as configured by the environment (instrumentation.ts at boot); the tests call startTracing with their own
// receiver's address, through the same function underneath.
import "server-only";
import { env } from "@/server/env";
import { startTracing } from "./tracing";

let started: Awaited<ReturnType<typeof startTracing>> = null;

export async function startTracingFromEnv(): Promise<void> {
  try {
    started = await startTracing({ endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME, recordContent: env.OTEL_RECORD_CONTENT });
    if (started) console.info(`[tracing] exporting spans to ${new URL(env.OTEL_EXPORTER_OTLP_ENDPOINT!).origin} as "${env.OTEL_SERVICE_NAME}"`);
  } catch (error) {
    // Traces are an aid: the product runs without them.
    console.error("[tracing] could not start:", error instanceof Error ? error.message : error);
  }
}

export async function stopTracing(): Promise<void> {
  await started?.shutdown();
  started = null;
}
