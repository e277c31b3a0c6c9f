/** The caller's address as the first proxy saw it; "unknown" keeps rate-limit keys well-formed without one. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
