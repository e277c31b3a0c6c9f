// Debug & Preview's own share of the time to first token: the preview route's first text minus the model's own.
const samples = 20;

export async function previewOverheadMs(opts: { baseUrl: string; apiKey: string; workspaceId: string; appId: string; llmUrl: string }) {
  const model: number[] = [];
  const preview: number[] = [];
  for (let i = 0; i < samples; i++) {
    model.push(await firstChunkMs(`${opts.llmUrl}/v1/chat/completions`, {}, { model: "bench-model", stream: true, messages: [{ role: "user", content: "hi" }] }, (line) => line.includes('"content":"') && !line.includes('"content":""')));
    const headers = { authorization: `Bearer ${opts.apiKey}`, "x-workspace-id": opts.workspaceId };
    preview.push(await firstChunkMs(`${opts.baseUrl}/api/apps/${opts.appId}/preview`, headers, { query: "hi" }, (line) => line.includes('"type":"text-delta"')));
  }
  const modelMs = median(model);
  const previewMs = median(preview);
  return { modelMs: round(modelMs), previewMs: round(previewMs), overheadMs: round(previewMs - modelMs) };
}

async function firstChunkMs(url: string, headers: Record<string, string>, body: unknown, isFirst: (line: string) => boolean) {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const decoder = new TextDecoder();
  let elapsed: number | undefined;
  let seen = "";
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    seen += decoder.decode(chunk.value, { stream: true });
    if (elapsed === undefined && seen.split("\n").some(isFirst)) elapsed = performance.now() - started;
  }
  if (elapsed === undefined) throw new Error(`${url} never sent a first token: ${seen.slice(0, 300)}`);
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number) => Math.round(value * 10) / 10;
