// The in-flight section of `npm run bench` (#28): many slow model-backed tools/call in flight at once, our published
// app against the bare-SDK-with-model peer (model-peer.ts), then Debug & Preview with many streaming chats at once.
// Merges its figures into bench/results.json under "inFlight", so a run of this section alone keeps the others.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { runInFlightCell, type InFlightCell } from "./in-flight-load";
import { previewUnderLoad, type PreviewCell, type PreviewUnderLoad } from "./preview-load";
import { startWatched, waitForOutput, type Watched } from "./processes";

const quick = process.env.BENCH_INFLIGHT_QUICK === "1";
/**
 * BENCH_INFLIGHT_QUICK=1: a 2 s model, 250 and 1,000 in flight, 10 s windows; about a minute and a half.
 * BENCH_INFLIGHT_LEVELS= (empty) with BENCH_INFLIGHT_SKIP_PEER=1 runs Debug & Preview alone.
 */
export const inFlightSettings = {
  quick,
  modelSeconds: Number(process.env.BENCH_MODEL_SECONDS ?? (quick ? 2 : 10)),
  levels: (process.env.BENCH_INFLIGHT_LEVELS ?? (quick ? "250,1000" : "250,1000,2000,5000")).split(",").filter(Boolean).map(Number),
  windowSeconds: Number(process.env.BENCH_INFLIGHT_WINDOW_SECONDS ?? (quick ? 10 : 30)),
  previewChats: Number(process.env.BENCH_PREVIEW_CHATS ?? 200),
  previewWindowSeconds: Number(process.env.BENCH_PREVIEW_WINDOW_SECONDS ?? (quick ? 10 : 60)),
};

/**
 * The scripted model of Debug & Preview: a first token after 300 ms, then a word every 50 ms, 200 words by default
 * (BENCH_PREVIEW_WORDS): an answer of about 10 s, like the in-flight section's model.
 */
export const previewModelTurn = {
  text: Array.from({ length: Number(process.env.BENCH_PREVIEW_WORDS ?? 200) }, (_, i) => `word${i + 1}`).join(" "),
  delayMs: 300,
  chunkDelayMs: 50,
};
const previewAnswerMs = previewModelTurn.delayMs + previewModelTurn.text.split(" ").length * previewModelTurn.chunkDelayMs;

export interface InFlightApps {
  /** Our published app whose model answers in modelSeconds. */
  slow: { url: string; toolName: string };
  /** An app on the preview model, for Debug & Preview. */
  preview: { baseUrl: string; apiKey: string; workspaceId: string; appId: string; llmUrl: string };
  slowModelUrl: string;
}

export async function runInFlightSection(opts: { env: NodeJS.ProcessEnv; apps: InFlightApps; startOurs: () => Promise<Watched> }) {
  const { modelSeconds, levels, windowSeconds, previewChats, previewWindowSeconds } = inFlightSettings;
  const cells = async (server: Watched, url: string, tool: string, target: string) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.resetPeak();
    const idleRssMb = server.peakRssMb();
    const out: InFlightCell[] = [];
    for (const inFlight of levels) {
      out.push(await runInFlightCell({ url, tool, inFlight, modelMs: modelSeconds * 1000, windowMs: windowSeconds * 1000, server, idleRssMb }));
      console.error(`  ${target} ${inFlight} in flight: ${JSON.stringify(out.at(-1))}`);
    }
    return { idleRssMb, cells: out };
  };

  // BENCH_INFLIGHT_SKIP_PEER=1 measures ours alone (a rerun of one level after a change).
  let bare: Awaited<ReturnType<typeof cells>> = { idleRssMb: 0, cells: [] };
  if (process.env.BENCH_INFLIGHT_SKIP_PEER !== "1") {
    console.error(`in flight: bare SDK peer (model ${modelSeconds} s)`);
    const peer = startWatched(process.execPath, ["--import", "tsx", "bench/model-peer.ts"], { ...opts.env, BENCH_MODEL_URL: opts.apps.slowModelUrl });
    const peerPort = (await waitForOutput(peer.child, /PORT=(\d+)/))[1];
    bare = await cells(peer, `http://127.0.0.1:${peerPort}/`, "bench", "bare");
    await peer.stop();
  }

  console.error("in flight: ours");
  const server = await opts.startOurs();
  const ours = await cells(server, opts.apps.slow.url, opts.apps.slow.toolName, "ours");
  console.error(`Debug & Preview: ${previewChats} chats in flight, then started at once`);
  const preview = await previewUnderLoad({ ...opts.apps.preview, chats: previewChats, answerMs: previewAnswerMs, windowMs: previewWindowSeconds * 1000 });
  await server.stop();

  const section = { date: new Date().toISOString(), quick, modelSeconds, windowSeconds, ours, bare, preview };
  printInFlight(ours.cells, bare.cells, preview);
  const file = existsSync("bench/results.json") ? JSON.parse(readFileSync("bench/results.json", "utf8")) : {};
  writeFileSync("bench/results.json", `${JSON.stringify({ ...file, inFlight: section }, null, 2)}\n`);
}

function printInFlight(ours: InFlightCell[], bare: InFlightCell[], preview: PreviewUnderLoad) {
  const head = ["target", "in flight", "calls/s", "of ideal", "vs bare", "overhead p50 ms", "p99 ms", "errors", "peak RSS MB", "KB/call", "server CPU %", "load CPU %"];
  const rows = [head];
  for (const [target, list] of [["ours", ours], ["bare", bare]] as const) {
    for (const cell of list) {
      const peerCell = bare.find((b) => b.inFlight === cell.inFlight);
      const versus = target === "ours" && peerCell?.callsPerSecond ? `${(cell.callsPerSecond / peerCell.callsPerSecond).toFixed(2)}x` : "";
      rows.push([target, cell.inFlight, cell.callsPerSecond, cell.ofIdeal, versus, cell.overheadP50Ms, cell.overheadP99Ms, cell.errors, cell.peakRssMb, cell.rssPerCallKb, cell.serverCpuPercent, cell.loadCpuPercent].map(String));
    }
  }
  const widths = head.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((value, i) => value.padStart(widths[i]!)).join("  "));
  const line = (cell: PreviewCell) =>
    `first token p50/p99 ${cell.ours.firstTokenP50Ms}/${cell.ours.firstTokenP99Ms} ms (model alone ${cell.model.firstTokenP50Ms}/${cell.model.firstTokenP99Ms}, ` +
    `overhead ${cell.firstTokenOverheadP50Ms}/${cell.firstTokenOverheadP99Ms}; bare route's overhead ${cell.bareOverheadP50Ms}/${cell.bareOverheadP99Ms}); ` +
    `token gaps p50/p99 ${cell.ours.gapP50Ms}/${cell.ours.gapP99Ms} ms (model ${cell.model.gapP50Ms}/${cell.model.gapP99Ms}); ${cell.chats} chats, errors ${cell.errors}`;
  console.log(`\nDebug & Preview, ${preview.chats} chats in flight: ${line(preview.inFlight)}`);
  console.log(`Debug & Preview, ${preview.chats} chats started at once: ${line(preview.burst)}`);
}
