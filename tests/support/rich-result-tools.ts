// Tools whose results are more than text, for the test MCP server (`richResults`): a real 20x20 PNG, a long text,
// an SVG "image" that carries a script (which must never render as an image), and audio, a resource and links.
import { deflateSync, crc32 } from "node:zlib";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { readOnly } from "./tool-hints";

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A solid-colour RGB PNG (https://www.w3.org/TR/png-3/): signature, IHDR, one IDAT, IEND. */
export function solidPng(size: number, [r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, default compression, filter and no interlace
  const row = Buffer.from([0, ...Array.from({ length: size }, () => [r, g, b]).flat()]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(pixels)), chunk("IEND", Buffer.alloc(0))]);
}

/** A tenth of a second of silence as 8 kHz 8-bit mono WAV (RIFF header, then the samples). */
function silentWav(): Buffer {
  const samples = Buffer.alloc(800, 128);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8_000, 24);
  header.writeUInt32LE(8_000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

export const redSquare = solidPng(20, [220, 30, 30]).toString("base64");
export const hostileSvg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`).toString("base64");

/** `digits` of the long text: 0123456789 repeated, so a test can tell where a cut fell. */
export const longText = (chars: number) => "0123456789".repeat(Math.ceil(chars / 10)).slice(0, chars);

export function registerRichResultTools(server: McpServer) {
  server.registerTool("picture", { title: "Picture", description: "A red square, as a PNG.", annotations: readOnly, inputSchema: {} }, () => ({
    content: [
      { type: "text" as const, text: "A red square." },
      { type: "image" as const, data: redSquare, mimeType: "image/png" },
    ],
  }));
  server.registerTool(
    "long_text",
    { title: "Long text", description: "Digits, as many as asked.", annotations: readOnly, inputSchema: { chars: z.number().int().min(0).max(1_000_000) } },
    ({ chars }) => ({ content: [{ type: "text" as const, text: longText(chars) }] }),
  );
  server.registerTool("attachments", { title: "Attachments", description: "Audio, a resource and links.", annotations: readOnly, inputSchema: {} }, () => ({
    content: [
      { type: "audio" as const, data: silentWav().toString("base64"), mimeType: "audio/wav" },
      { type: "resource" as const, resource: { uri: "file:///notes/today.md", mimeType: "text/markdown", text: "# Today\nBuy milk." } },
      { type: "resource_link" as const, uri: "https://example.com/report.pdf", name: "Quarterly report", mimeType: "application/pdf" },
      { type: "resource_link" as const, uri: "javascript:alert(document.cookie)", name: "Hostile link" },
    ],
  }));
  server.registerTool("vector", { title: "Vector", description: "An SVG with a script in it.", annotations: readOnly, inputSchema: {} }, () => ({
    content: [{ type: "image" as const, data: hostileSvg, mimeType: "image/svg+xml" }],
  }));
}
