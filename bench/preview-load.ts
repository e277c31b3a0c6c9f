// Debug & Preview under load (#28): time to first token and the gaps between tokens of many streaming chats, each
// against the same number of streams asked of the scripted model directly (its own first token and gaps), two ways:
// - in flight: `chats` people each chatting in a loop, started staggered over one answer's time like the in-flight
//   cells, so `chats` streams are open at every moment; measured over a window of steady state;
// - burst: `chats` started in the same instant, after one burst that warms the route up. Each start costs the one
//   event loop some CPU before the model is even asked, so the last of a burst waits for all before it; the same
//   burst against a bare Next.js route streaming the model through the AI SDK (app/bench/preview, no auth and no
//   storage) shows the floor of any route on this stack.
import { previewStreams, type PreviewStreams, type StreamFigures } from "./preview-streams";

export interface PreviewCell {
  model: StreamFigures;
  ours: StreamFigures;
  bare: StreamFigures;
  /** Ours minus the model's own, percentile by percentile. */
  firstTokenOverheadP50Ms: number;
  firstTokenOverheadP99Ms: number;
  /** The bare route's minus the model's own. */
  bareOverheadP50Ms: number;
  bareOverheadP99Ms: number;
  /** Chats measured (ours). */
  chats: number;
  errors: number;
}

export interface PreviewUnderLoad {
  chats: number;
  inFlight: PreviewCell;
  burst: PreviewCell;
}

export async function previewUnderLoad(opts: PreviewStreams & { chats: number; answerMs: number; windowMs: number }): Promise<PreviewUnderLoad> {
  const streams = previewStreams(opts);
  const inFlight = (stream: () => Promise<number[]>) => streamsInFlight({ chats: opts.chats, answerMs: opts.answerMs, windowMs: opts.windowMs, stream });
  const burst = (stream: () => Promise<number[]>) => figures(Promise.allSettled(Array.from({ length: opts.chats }, stream)));

  const steady = { model: await inFlight(streams.model), ours: await inFlight(streams.ours), bare: await inFlight(streams.bare) };
  // Warm-up bursts (not measured), then the measured ones.
  await burst(streams.ours);
  await burst(streams.bare);
  const bursts = { model: await burst(streams.model), ours: await burst(streams.ours), bare: await burst(streams.bare) };
  return { chats: opts.chats, inFlight: cell(steady), burst: cell(bursts) };
}

interface Measured {
  figures: StreamFigures;
  chats: number;
  errors: number;
}

function cell({ model, ours, bare }: Record<"model" | "ours" | "bare", Measured>): PreviewCell {
  const overhead = (of: Measured, q: "firstTokenP50Ms" | "firstTokenP99Ms") => round(of.figures[q] - model.figures[q]);
  return {
    model: model.figures,
    ours: ours.figures,
    bare: bare.figures,
    firstTokenOverheadP50Ms: overhead(ours, "firstTokenP50Ms"),
    firstTokenOverheadP99Ms: overhead(ours, "firstTokenP99Ms"),
    bareOverheadP50Ms: overhead(bare, "firstTokenP50Ms"),
    bareOverheadP99Ms: overhead(bare, "firstTokenP99Ms"),
    chats: ours.chats,
    errors: model.errors + ours.errors + bare.errors,
  };
}

/** `chats` loops of one streamed answer after another; the answers started inside the window are measured. */
async function streamsInFlight(opts: { chats: number; answerMs: number; windowMs: number; stream: () => Promise<number[]> }): Promise<Measured> {
  const started = performance.now();
  const windowStart = started + 2 * opts.answerMs;
  const windowEnd = windowStart + opts.windowMs;
  const measured: Array<Promise<number[]>> = [];
  async function person(index: number) {
    await new Promise((resolve) => setTimeout(resolve, (index / opts.chats) * opts.answerMs));
    for (let now = performance.now(); now < windowEnd; now = performance.now()) {
      const answer = opts.stream();
      if (now >= windowStart) measured.push(answer);
      // A failing route answers at once; keep the loop from spinning.
      await answer.catch(() => new Promise((resolve) => setTimeout(resolve, 100)));
    }
  }
  await Promise.all(Array.from({ length: opts.chats }, (_, index) => person(index)));
  return figures(Promise.allSettled(measured));
}

async function figures(settling: Promise<Array<PromiseSettledResult<number[]>>>): Promise<Measured> {
  const settled = await settling;
  const streams = settled.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  const first = streams.map((times) => times[0]!);
  const gaps = streams.flatMap((times) => times.slice(1).map((time, i) => time - times[i]!));
  return {
    figures: { firstTokenP50Ms: at(first, 0.5), firstTokenP99Ms: at(first, 0.99), gapP50Ms: at(gaps, 0.5), gapP99Ms: at(gaps, 0.99) },
    chats: streams.length,
    errors: settled.length - streams.length,
  };
}

function at(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!) : NaN;
}
const round = (value: number) => Math.round(value * 10) / 10;
