import type { ServerStatus } from "./types";

export type AccessMode = ServerStatus["access"]["mode"];

/** Each mode in one line, the way the Access card and the connect instructions name it. */
export const accessModeText: Record<AccessMode, { label: string; line: string }> = {
  url: {
    label: "Anyone with the URL",
    line: "The secret URL is the only lock: whoever has it can call the app. Claude and ChatGPT connect this way without a sign-in.",
  },
  api_key: {
    label: "API key",
    line: "Clients send Authorization: Bearer <key>. For Claude Code, Cursor, VS Code and scripts; Claude and ChatGPT cannot send a pasted key.",
  },
  sign_in: {
    label: "Switchyard sign-in",
    line: "Each person signs in with their Switchyard account and must be a member of this workspace. Works with Claude and ChatGPT.",
  },
};

/** Least to most strict: opening a server up (to "Anyone with the URL") is confirmed first. */
export function opensUp(from: AccessMode, to: AccessMode) {
  return to === "url" && from !== "url";
}
