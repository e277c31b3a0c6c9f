// What the approval card and the tool step say about asking first, kept apart from React so it can be tested alone.
import type { StepApproval } from "./use-preview-chat";

/** JSON.parse's complaint, with the line and column it points at when it names a position. */
export function parseArguments(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    // V8 quotes the whole text after some messages; the card shows it already.
    if (!position) return { error: `The arguments are not valid JSON: ${message.replace(/, ".*" is not valid JSON$/s, "")}.` };
    const before = text.slice(0, Number(position[1])).split("\n");
    return { error: `The arguments are not valid JSON at line ${before.length}, column ${before.at(-1)!.length + 1}.` };
  }
}

function when(at: string) {
  const date = new Date(at);
  const time = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return date.toDateString() === new Date().toDateString() ? time : `${date.toLocaleDateString()} ${time}`;
}

/** One line on who let a call that asked first run, or refused it. */
export function approvalText(approval: StepApproval): string {
  const approved = approval.decision === "approved";
  if (approval.via === "policy") return approved ? "Allowed by the server's policy" : "Refused by the server's policy";
  if (approval.via === "elicitation") return `${approved ? "Approved" : "Denied"} by the client's user (elicitation)`;
  if (!approval.by) return approved ? "Approved" : "Denied: nobody answered within 10 minutes";
  const at = approval.at ? ` at ${when(approval.at)}` : "";
  return `${approved ? "Approved" : "Denied"} by ${approval.by}${at}${approval.edited ? " with edited arguments" : ""}`;
}
