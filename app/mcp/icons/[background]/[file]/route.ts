// A published tool's icon (SEP-973): the app's emoji on its colour as SVG, drawn from the URL alone (tool-icon.ts).
import { iconContentSecurityPolicy } from "@/server/http/security-headers";
import { iconSvg } from "@/server/mcp/server/tool-icon";

// Hosts fetch icons from their own pages and servers: any origin may read them, and nothing here is private.
const shared = { "x-content-type-options": "nosniff", "access-control-allow-origin": "*", "cross-origin-resource-policy": "cross-origin" };

export async function GET(_request: Request, { params }: RouteContext<"/mcp/icons/[background]/[file]">) {
  const { background, file } = await params;
  const svg = iconSvg(background, file);
  if (!svg) return new Response("Not found", { status: 404, headers: { ...shared, "content-type": "text/plain; charset=utf-8", "content-security-policy": iconContentSecurityPolicy } });
  return new Response(svg, {
    headers: {
      ...shared,
      "content-type": "image/svg+xml",
      "content-security-policy": iconContentSecurityPolicy,
      // The URL changes whenever the picture does.
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
