// The workspace server's tools: one per included published app, named as the app's own server names it (or a
// name derived from the app's name), and never two alike. When two apps want the same name the older app keeps it
// and the newer one gets "_2", "_3"...; the console shows which (workspaceServer.get), so nothing is renamed
// without the owner seeing it.
import { suggestToolName } from "./tool-name";

export interface NamedApp {
  appId: string;
  /** The name the app asks for. */
  wanted: string;
}

/** Final names by app id, for apps in the order that decides (oldest first). */
export function assignToolNames(apps: NamedApp[]): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const app of apps) {
    let name = app.wanted;
    for (let n = 2; taken.has(name); n++) {
      const suffix = `_${n}`;
      name = `${app.wanted.slice(0, 64 - suffix.length)}${suffix}`;
    }
    taken.add(name);
    names.set(app.appId, name);
  }
  return names;
}

/** The name an app asks for: its own server's tool name, else one made from its name. */
export function wantedToolName(app: { toolName: string | null; appName: string }): string {
  return app.toolName ?? suggestToolName(app.appName);
}
