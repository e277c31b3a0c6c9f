// A published app's icon as an image (MCP 2025-11-25 `icons`, SEP-973): the app's emoji on its background colour,
// drawn as SVG by app/mcp/icons/[background]/[emoji]/route.ts. Everything the picture needs is in its URL, so the
// route reads no database and reveals nothing a client could not see in tools/list already; the URL changes with
// the icon, so it can be cached for good.
import { env } from "@/server/env";

const backgroundShape = /^[0-9a-fA-F]{6}$/;
const maxEmojiLength = 16;

export function toolIconUrl({ icon, iconBackground }: { icon: string; iconBackground: string }, appUrl: string = env.APP_URL): string {
  const background = iconBackground.replace(/^#/, "");
  return new URL(`/mcp/icons/${background}/${Buffer.from(icon).toString("base64url")}.svg`, appUrl).toString();
}

export function toolIcons(app: { icon: string; iconBackground: string }) {
  return [{ src: toolIconUrl(app), mimeType: "image/svg+xml", sizes: ["any"] }];
}

/** The picture for a URL's two parts, or null when either is not one we make. */
export function iconSvg(background: string, encodedEmoji: string): string | null {
  if (!backgroundShape.test(background) || !/^[A-Za-z0-9_-]{1,64}\.svg$/.test(encodedEmoji)) return null;
  const emoji = Buffer.from(encodedEmoji.slice(0, -4), "base64url").toString("utf8");
  if (!emoji || [...emoji].length > maxEmojiLength || /[\u0000-\u001f<>&"'\\]/.test(emoji)) return null;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">`,
    `<rect width="64" height="64" rx="14" fill="#${background}"/>`,
    `<text x="32" y="34" font-size="36" text-anchor="middle" dominant-baseline="central">${emoji}</text>`,
    `</svg>`,
  ].join("");
}
