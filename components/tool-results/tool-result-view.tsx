"use client";
// A tool's result in Debug & Preview and Logs: text as text, images as thumbnails that open larger, audio as a
// player, resources as a preview and links as links; what cannot be shown safely is named, not rendered.
import { ExternalLink, FileText } from "lucide-react";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { formatBytes, resultParts, type ResultPart } from "./result-parts";

const pre = "max-h-64 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded bg-background p-2 font-mono text-xs";

function pretty(value: unknown) {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

function Thumbnail({ part }: { part: Extract<ResultPart, { kind: "image" }> }) {
  const label = `${part.mimeType} image, ${formatBytes(part.bytes)}`;
  return (
    <Dialog>
      <DialogTrigger asChild>
        <button type="button" className="w-fit cursor-zoom-in rounded border bg-background p-1 focus-visible:outline-2 focus-visible:outline-ring" aria-label={`Enlarge ${label}`}>
          {/* A plain img: the source is a data: URL of the stored result, which next/image cannot optimise. */}
          <img src={part.src} alt={label} data-testid="tool-result-image" className="max-h-32 min-h-8 min-w-8 max-w-full object-contain [image-rendering:pixelated]" />
        </button>
      </DialogTrigger>
      <DialogContent className="max-w-[min(90vw,64rem)]">
        <DialogTitle className="text-sm">{label}</DialogTitle>
        <img src={part.src} alt={label} className="max-h-[75dvh] w-full object-contain [image-rendering:pixelated]" />
      </DialogContent>
    </Dialog>
  );
}

function Part({ part }: { part: ResultPart }) {
  switch (part.kind) {
    case "text":
      return <pre className={pre}>{part.text}</pre>;
    case "image":
      return <Thumbnail part={part} />;
    case "audio":
      return <audio controls src={part.src} aria-label={`${part.mimeType} audio, ${formatBytes(part.bytes)}`} className="w-full max-w-sm" />;
    case "media-text":
      return (
        <div>
          <p className="mb-1 text-xs text-muted-foreground">{part.mimeType}, shown as text (not rendered: it could run script)</p>
          <pre className={pre}>{part.text}</pre>
        </div>
      );
    case "media-note":
      return (
        <p className="text-xs text-muted-foreground">
          {part.what === "image" ? "Image" : "Audio"} ({part.mimeType}, {formatBytes(part.bytes)}) not shown: only{" "}
          {part.what === "image" ? "PNG, JPEG, GIF and WebP images" : "MP3, WAV and Ogg audio"} are displayed.
        </p>
      );
    case "resource":
      return (
        <div className="grid gap-1">
          <p className="flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
            <FileText aria-hidden className="size-3.5 shrink-0" />
            <span className="truncate font-mono" title={part.uri}>{part.uri}</span>
            {part.mimeType && <span className="shrink-0">({part.mimeType})</span>}
          </p>
          {part.text ? <pre className={pre}>{part.text}</pre> : <p className="text-xs text-muted-foreground">No text preview.</p>}
        </div>
      );
    case "link":
      return (
        <p className="flex min-w-0 items-center gap-1.5 text-xs">
          <ExternalLink aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
          {part.href ? (
            <a href={part.href} target="_blank" rel="noopener noreferrer nofollow" className="truncate font-medium text-primary underline underline-offset-4">
              {part.name || part.uri}
            </a>
          ) : (
            <span className="truncate font-mono" title={part.uri}>{part.name ? `${part.name}: ${part.uri}` : part.uri}</span>
          )}
          {part.mimeType && <span className="shrink-0 text-muted-foreground">({part.mimeType})</span>}
        </p>
      );
  }
}

export function ToolResultView({ result }: { result: unknown }) {
  const parts = resultParts(result);
  if (!parts) return <pre className={pre}>{pretty(result)}</pre>;
  const structured = (result as { structuredContent?: unknown }).structuredContent;
  return (
    <div className="grid gap-2" data-testid="tool-result">
      {parts.length === 0 && structured === undefined && <p className="text-xs text-muted-foreground">The tool returned no content.</p>}
      {parts.map((part, i) => (
        <Part key={i} part={part} />
      ))}
      {structured !== undefined && (
        <div>
          <p className="mb-1 text-xs text-muted-foreground">Structured content</p>
          <pre className={pre}>{pretty(structured)}</pre>
        </div>
      )}
    </div>
  );
}
