// Debug & Preview under load: `chats` streaming chats started at once, time to first token and the gaps between
// tokens, against the same number of streams asked of the scripted model directly (its own first token and gaps).

export interface StreamFigures {
  firstTokenP50Ms: number;
  firstTokenP99Ms: number;
  gapP50Ms: number;
  gapP99Ms: number;
}

export interface PreviewUnderLoad {
  chats: number;
  model: StreamFigures;
  ours: StreamFigures;
  /** Ours minus the model's own, percentile by percentile. */
  firstTokenOverheadP50Ms: number;
  firstTokenOverheadP99Ms: number;
  errors: number;
}

/** When each token line of one streamed answer arrived, in ms from the request. */
async function tokenTimes(url: string, headers: Record<string, string>, body: unknown, isToken: (line: string) => boolean): Promise<number[]> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const times: number[] = [];
  const decoder = new TextDecoder();
  let pending = "";
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const now = performance.now() - started;
    pending += decoder.decode(chunk.value, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) if (isToken(line)) times.push(now);
  }
  if (times.length === 0) throw new Error(`${url} streamed no token`);
  return times;
}

async function figures(chats: number, stream: () => Promise<number[]>): Promise<{ figures: StreamFigures; errors: number }> {
  const settled = await Promise.allSettled(Array.from({ length: chats }, stream));
  const streams = settled.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  const first = streams.map((times) => times[0]!);
  const gaps = streams.flatMap((times) => times.slice(1).map((time, i) => time - times[i]!));
  return {
    figures: { firstTokenP50Ms: at(first, 0.5), firstTokenP99Ms: at(first, 0.99), gapP50Ms: at(gaps, 0.5), gapP99Ms: at(gaps, 0.99) },
    errors: settled.length - streams.length,
  };
}

export async function previewUnderLoad(opts: { baseUrl: string; apiKey: string; workspaceId: string; appId: string; llmUrl: string; chats: number }): Promise<PreviewUnderLoad> {
  const modelBody = { model: "bench-model", stream: true, messages: [{ role: "user", content: "hi" }] };
  const model = await figures(opts.chats, () =>
    tokenTimes(`${opts.llmUrl}/v1/chat/completions`, {}, modelBody, (line) => line.includes('"content":"') && !line.includes('"content":""')),
  );
  const headers = { authorization: `Bearer ${opts.apiKey}`, "x-workspace-id": opts.workspaceId };
  const ours = await figures(opts.chats, () =>
    tokenTimes(`${opts.baseUrl}/api/apps/${opts.appId}/preview`, headers, { query: "hi" }, (line) => line.includes('"type":"text-delta"')),
  );
  return {
    chats: opts.chats,
    model: model.figures,
    ours: ours.figures,
    firstTokenOverheadP50Ms: round(ours.figures.firstTokenP50Ms - model.figures.firstTokenP50Ms),
    firstTokenOverheadP99Ms: round(ours.figures.firstTokenP99Ms - model.figures.firstTokenP99Ms),
    errors: model.errors + ours.errors,
  };
}

function at(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!) : NaN;
}
const round = (value: number) => Math.round(value * 10) / 10;
