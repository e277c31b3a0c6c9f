// Tool names as MCP clients and the LLM APIs behind them accept them (MCP.md: ^[A-Za-z0-9_.-]{1,64}$).
export const toolNamePattern = /^[A-Za-z0-9_.-]{1,64}$/;

/** A valid tool name from an app name: "Weather Bot (EU)" -> "weather_bot_eu". */
export function suggestToolName(appName: string): string {
  const name = appName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^[_.-]+|[_.-]+$/g, "")
    .slice(0, 64)
    .replace(/[_.-]+$/, "");
  return name || "app";
}
