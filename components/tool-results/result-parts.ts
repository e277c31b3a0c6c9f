// A stored tool result (unknown JSON from the trace) read into parts the console may render. The result came from a
// third-party server, so nothing is trusted: media becomes a data: URL only for an allow-listed type and well-formed
// base64, SVG and other types are shown as text or a note (an SVG can carry script), and links only for http(s).
export type ResultPart =
  | { kind: "text"; text: string }
  | { kind: "image"; src: string; mimeType: string; bytes: number }
  | { kind: "audio"; src: string; mimeType: string; bytes: number }
  | { kind: "media-text"; mimeType: string; text: string }
  | { kind: "media-note"; mimeType: string; what: "image" | "audio"; bytes: number }
  | { kind: "resource"; uri: string; mimeType?: string; text?: string }
  | { kind: "link"; uri: string; href: string | null; name?: string; mimeType?: string };

export const imageTypes = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
export const audioTypes = new Set(["audio/mpeg", "audio/mp3", "audio/wav", "audio/x-wav", "audio/wave", "audio/ogg"]);
/** Types that are text underneath, shown as text rather than as media. */
const textMedia = /^image\/svg\+xml$/;

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const str = (value: unknown, max = 2_000) => (typeof value === "string" ? value.slice(0, max) : undefined);

export function decodedBytes(data: string): number {
  const padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((data.length * 3) / 4) - padding);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function decodeText(data: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
  } catch {
    return "";
  }
}

export function httpHref(uri: string): string | null {
  try {
    const url = new URL(uri);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function mediaPart(what: "image" | "audio", data: unknown, mimeType: unknown): ResultPart {
  const type = (str(mimeType, 100) ?? "").toLowerCase();
  const valid = typeof data === "string" && data.length % 4 === 0 && base64.test(data);
  const bytes = typeof data === "string" ? decodedBytes(data) : 0;
  if (valid && textMedia.test(type)) return { kind: "media-text", mimeType: type, text: decodeText(data).slice(0, 20_000) };
  const allowed = what === "image" ? imageTypes : audioTypes;
  if (!valid || !allowed.has(type)) return { kind: "media-note", mimeType: type || "unknown type", what, bytes };
  return { kind: what, src: `data:${type};base64,${data}`, mimeType: type, bytes };
}

function toPart(block: unknown): ResultPart {
  const b = (block ?? {}) as Record<string, unknown>;
  switch (b.type) {
    case "text":
      return { kind: "text", text: str(b.text, 200_000) ?? "" };
    case "image":
    case "audio":
      return mediaPart(b.type, b.data, b.mimeType);
    case "resource": {
      const r = (b.resource ?? {}) as Record<string, unknown>;
      return { kind: "resource", uri: str(r.uri) ?? "", mimeType: str(r.mimeType, 100), text: str(r.text, 20_000) };
    }
    case "resource_link": {
      const uri = str(b.uri) ?? "";
      return { kind: "link", uri, href: httpHref(uri), name: str(b.name, 200), mimeType: str(b.mimeType, 100) };
    }
    default:
      return { kind: "text", text: JSON.stringify(block, null, 2) ?? "" };
  }
}

/** The parts of a result shaped like a CallToolResult, or null for anything else (shown as JSON). */
export function resultParts(result: unknown): ResultPart[] | null {
  const content = (result as { content?: unknown } | null)?.content;
  return Array.isArray(content) ? content.slice(0, 100).map(toPart) : null;
}
