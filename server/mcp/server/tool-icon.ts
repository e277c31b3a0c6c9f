// A published app's icon as an image (MCP 2025-11-25 `icons`, SEP-973): the app's emoji on its background colour,
// drawn as SVG by app/mcp/icons/[background]/[file]/route.ts. Everything the picture needs is in its URL, so the
// route reads no database and reveals nothing a client could not see in tools/list already; the URL changes with
// the icon, so it can be cached for good.
import { env } from "@/server/env";

const backgroundShape = /^[0-9a-fA-F]{6}$/;
// The app form allows 16 UTF-16 units (server/api/routers/apps.ts): at most 48 UTF-8 bytes, 64 base64url characters.
const maxEmojiUnits = 16;
const fileShape = /^[A-Za-z0-9_-]{1,64}\.svg$/;
// Characters XML 1.0 does not allow in a document (§2.2), plus what would end the text or open markup when unescaped.
const notDrawable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const xmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

const drawable = (emoji: string) => emoji.length > 0 && emoji.length <= maxEmojiUnits && !notDrawable.test(emoji) && emoji.isWellFormed();

export function toolIconUrl({ icon, iconBackground }: { icon: string; iconBackground: string }, appUrl: string = env.APP_URL): string {
  const background = iconBackground.replace(/^#/, "");
  return new URL(`/mcp/icons/${background}/${Buffer.from(icon).toString("base64url")}.svg`, appUrl).toString();
}

/** The tool's icons; none when the app's icon could not be drawn (its URL would only answer 404). */
export function toolIcons(app: { icon: string; iconBackground: string }) {
  if (!drawable(app.icon) || !backgroundShape.test(app.iconBackground.replace(/^#/, ""))) return [];
  return [{ src: toolIconUrl(app), mimeType: "image/svg+xml", sizes: ["any"] }];
}

/**
 * The picture for a URL's two parts, or null when either is not one toolIconUrl makes: the file must be the
 * canonical base64url of well-formed UTF-8 (so one picture has one URL) and the emoji is escaped as XML text, so
 * nothing in it can become markup or an entity reference.
 */
export function iconSvg(background: string, file: string): string | null {
  if (!backgroundShape.test(background) || !fileShape.test(file)) return null;
  const encoded = file.slice(0, -".svg".length);
  const emoji = Buffer.from(encoded, "base64url").toString("utf8");
  if (Buffer.from(emoji).toString("base64url") !== encoded || !drawable(emoji)) return null;
  const text = emoji.replace(/[&<>"']/g, (c) => xmlEscapes[c]!);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">`,
    `<rect width="64" height="64" rx="14" fill="#${background}"/>`,
    `<text x="32" y="34" font-size="36" text-anchor="middle" dominant-baseline="central">${text}</text>`,
    `</svg>`,
  ].join("");
}
