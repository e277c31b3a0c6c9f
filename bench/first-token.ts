// Debug & Preview's own share of the time to first token: the preview route's first text minus the model's own.
import { previewStreams, type PreviewStreams } from "./preview-streams";

const samples = 20;

export async function previewOverheadMs(opts: PreviewStreams) {
  const streams = previewStreams(opts);
  const model: number[] = [];
  const preview: number[] = [];
  for (let i = 0; i < samples; i++) {
    model.push((await streams.model())[0]!);
    preview.push((await streams.ours())[0]!);
  }
  const modelMs = median(model);
  const previewMs = median(preview);
  return { modelMs: round(modelMs), previewMs: round(previewMs), overheadMs: round(previewMs - modelMs) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 10) / 10;
