// One streamed answer, as the time of each token from the request: from the scripted model directly, from Debug &
// Preview, and from the bare route (app/bench/preview) that streams the same model with nothing else.

export interface StreamFigures {
  firstTokenP50Ms: number;
  firstTokenP99Ms: number;
  gapP50Ms: number;
  gapP99Ms: number;
}

export interface PreviewStreams {
  baseUrl: string;
  apiKey: string;
  workspaceId: string;
  appId: string;
  llmUrl: string;
}

export function previewStreams(opts: PreviewStreams) {
  const modelBody = { model: "bench-model", stream: true, messages: [{ role: "user", content: "hi" }] };
  const modelToken = (line: string) => line.includes('"content":"') && !line.includes('"content":""');
  const ourToken = (line: string) => line.includes('"type":"text-delta"');
  const headers = { authorization: `Bearer ${opts.apiKey}`, "x-workspace-id": opts.workspaceId };
  return {
    model: () => tokenTimes(`${opts.llmUrl}/v1/chat/completions`, {}, modelBody, modelToken),
    ours: () => tokenTimes(`${opts.baseUrl}/api/apps/${opts.appId}/preview`, headers, { query: "hi" }, ourToken),
    bare: () => tokenTimes(`${opts.baseUrl}/bench/preview`, {}, { query: "hi" }, ourToken),
  };
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
