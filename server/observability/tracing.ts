// OpenTelemetry traces, exported over OTLP/HTTP (JSON) when OTEL_EXPORTER_OTLP_ENDPOINT is set. instrumentation.ts
// and the tests start it through startTracing, so what the tests see is what a deployment sends. Without an endpoint
// nothing is started: the API's no-op tracer stays in place and the AI SDK's telemetry stays off (tracingOn).
import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";

export interface TracingOptions {
  /** The collector's base URL; spans go to <endpoint>/v1/traces (the OTLP spec's rule). Unset: tracing stays off. */
  endpoint: string | undefined;
  serviceName: string;
  /** Prompts, answers and tool arguments on spans; off unless the operator asks (OTEL_RECORD_CONTENT). */
  recordContent?: boolean;
}

export interface Tracing {
  recordContent: boolean;
  /** Sends what is buffered now (tests, shutdown). */
  flush(): Promise<void>;
  /** Flushes, stops exporting and puts the no-op tracer back. */
  shutdown(): Promise<void>;
}

// On globalThis: Next bundles instrumentation.ts apart from the routes, which ask tracingOn() from their own copy.
const holder = globalThis as typeof globalThis & { __switchyardTracing?: Tracing };

/** Starts the tracer provider once per process; null (and nothing loaded) without an endpoint. */
export async function startTracing({ endpoint, serviceName, recordContent = false }: TracingOptions): Promise<Tracing | null> {
  if (!endpoint) return null;
  if (holder.__switchyardTracing) return holder.__switchyardTracing;
  // Loaded only here, so a deployment without a collector never loads the SDK.
  const [{ TracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }] =
    await Promise.all([
      import("@opentelemetry/sdk-trace"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
      import("@opentelemetry/context-async-hooks"),
      import("@opentelemetry/core"),
    ]);
  const url = new URL("v1/traces", endpoint.endsWith("/") ? endpoint : `${endpoint}/`).href;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) })],
  });
  // Spans started inside a request (Next's), a run (the AI SDK's) and a call (ours) nest through async context.
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const tracing: Tracing = {
    recordContent,
    flush: () => provider.forceFlush(),
    async shutdown() {
      holder.__switchyardTracing = undefined;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  holder.__switchyardTracing = tracing;
  return tracing;
}

export function tracingOn(): boolean {
  return holder.__switchyardTracing !== undefined;
}

/**
 * The AI SDK's own telemetry for one run (model rounds as ai.streamText / ai.generateText spans with their provider
 * calls, tool calls as ai.toolCall spans): on only while tracing is, and without prompts, answers or tool arguments
 * unless the operator allowed them.
 */
export function runTelemetry(functionId: string, metadata: Record<string, string>) {
  const tracing = holder.__switchyardTracing;
  if (!tracing) return { isEnabled: false } as const;
  return { isEnabled: true, functionId, metadata, recordInputs: tracing.recordContent, recordOutputs: tracing.recordContent } as const;
}

/** Adds attributes to the span running now (an AI SDK tool-call span, say); nothing while tracing is off. */
export function annotateActiveSpan(attributes: Attributes): void {
  if (!tracingOn()) return;
  trace.getActiveSpan()?.setAttributes(attributes);
}

/**
 * Runs `work` inside a new active span; an exception marks the span failed and is rethrown. While tracing is off the
 * span is the API's no-op one, so callers need no branch of their own.
 */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  const tracer = trace.getTracer("switchyard");
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message.slice(0, 200) : "failed" });
      throw error;
    } finally {
      span.end();
    }
  });
}
