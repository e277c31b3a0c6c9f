// The seeded workspace's rows as COPY text lines. Every conversation is derived from its number alone, so the messages
// and call-log passes can find its id and time again without holding a million rows in memory.

export interface ScaleSizes {
  conversations: number;
  messages: number;
  callLogs: number;
}

export interface ScaleWorkspace {
  workspaceId: string;
  /** The first app has the published server; all of them are tools of the workspace server. */
  appIds: string[];
  versionIds: string[];
  userIds: string[];
  oauthClients: { id: string; name: string }[];
}

const year = 365 * 24 * 3600 * 1000;
const spanEnd = Date.UTC(2026, 11, 1);
const spanStart = spanEnd - year;

/** A small fast hash of an integer and a salt to [0, 1): the same row always gets the same choices. */
function unit(n: number, salt: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

function pick<T>(items: readonly T[], n: number, salt: number): T {
  return items[Math.floor(unit(n, salt) * items.length)]!;
}

/** Time-ordered ids (UUID v7 layout) keep the primary keys' inserts at the right edge, like rows arriving over time. */
function rowId(at: number, kind: number, n: number): string {
  const t = at.toString(16).padStart(12, "0");
  const k = kind.toString(16);
  const r = Math.floor(unit(n, kind) * 0xfff).toString(16).padStart(3, "0");
  const tail = n.toString(16).padStart(12, "0");
  return `${t.slice(0, 8)}-${t.slice(8)}-7${r}-8${k}${r.slice(0, 2)}-${tail}`;
}

function iso(at: number): string {
  return new Date(at).toISOString();
}

// Weights: the published app is busiest; the rest share what is left.
const appShares = [0.45, 0.25, 0.15, 0.1, 0.05];

function appIndex(n: number, salt: number): number {
  let u = unit(n, salt);
  for (let i = 0; i < appShares.length; i++) {
    u -= appShares[i]!;
    if (u < 0) return i;
  }
  return 0;
}

const subjects = ["refund", "invoice", "shipping delay", "password reset", "contract renewal", "bug report", "price quote", "onboarding", "data export", "account merge"];
const verbs = ["Please check", "Can you summarise", "What is the status of", "Draft a reply about", "Explain", "Help me with"];
const answers = [
  "I looked this up and the record shows it was processed on time; no further action is needed.",
  "The request needs an approval from the billing team before it can continue, so I opened a ticket for them.",
  "Here is a short summary of the thread with the three open questions listed at the end for follow-up.",
  "The customer asked twice already; I drafted a polite answer that explains the delay and the next step.",
];

/** A token rare enough to find one conversation by search, e.g. "ticket QX4K9P". */
function ticket(n: number): string {
  return `ticket ${Math.floor(unit(n, 7) * 36 ** 6).toString(36).toUpperCase().padStart(6, "0")}`;
}

interface SeededConversation {
  id: string;
  appIndex: number;
  createdAt: number;
  source: "debug" | "mcp" | "api";
}

function conversationAt(n: number, sizes: ScaleSizes): SeededConversation {
  const createdAt = Math.floor(spanStart + (n / sizes.conversations) * year + unit(n, 1) * 60_000);
  const u = unit(n, 2);
  const source = u < 0.7 ? "mcp" : u < 0.95 ? "debug" : "api";
  return { id: rowId(createdAt, 1, n), appIndex: appIndex(n, 3), createdAt, source };
}

export function conversationLine(n: number, sizes: ScaleSizes, ws: ScaleWorkspace): string {
  const c = conversationAt(n, sizes);
  const updatedAt = c.createdAt + Math.floor(unit(n, 4) * 2 * 3600_000);
  const title = `${pick(verbs, n, 5)} the ${pick(subjects, n, 6)} (${ticket(n)})`;
  const createdBy = c.source === "debug" ? pick(ws.userIds, n, 8) : "\\N";
  const version = c.source === "debug" ? "\\N" : ws.versionIds[c.appIndex]!;
  const inputs = JSON.stringify({ topic: pick(subjects, n, 6) });
  return [c.id, ws.workspaceId, ws.appIds[c.appIndex], version, c.source, inputs, title, createdBy, iso(c.createdAt), iso(updatedAt)].join("\t") + "\n";
}
export const conversationColumns = "id, workspace_id, app_id, app_version_id, source, inputs, title, created_by, created_at, updated_at";

// Messages per conversation cycle through this pattern (mean 5).
const perConversation = [2, 4, 6, 8, 5, 5, 3, 7];

/** Messages held by the conversations before `n`: the pattern scaled to `sizes.messages` in all (exactly when the
 * number of conversations is a multiple of 8, within a few otherwise). */
export function messagesBefore(n: number, sizes: ScaleSizes): number {
  const pattern = 40 * Math.floor(n / 8) + perConversation.slice(0, n % 8).reduce((a, b) => a + b, 0);
  return Math.floor((pattern * sizes.messages) / (sizes.conversations * 5));
}

export const messageColumns = "id, conversation_id, workspace_id, role, content, status, error, model, usage, created_at, finished_at";

/** The messages of conversation `n`: questions and answers in turn, the last answer sometimes failed. */
export function messageLines(n: number, count: number, firstNumber: number, sizes: ScaleSizes, ws: ScaleWorkspace): string {
  const c = conversationAt(n, sizes);
  let out = "";
  let at = c.createdAt;
  for (let i = 0; i < count; i++) {
    const m = firstNumber + i;
    const user = i % 2 === 0;
    const failed = !user && i === count - 1 && unit(m, 9) < 0.03;
    const took = user ? 0 : 800 + Math.floor(unit(m, 10) * 12_000);
    const content = user ? `${pick(verbs, m, 11)} the ${pick(subjects, n, 6)} for ${ticket(n)}?` : failed ? "" : pick(answers, m, 12);
    const usage = user ? "\\N" : JSON.stringify({ inputTokens: 200 + Math.floor(unit(m, 13) * 3000), outputTokens: 20 + Math.floor(unit(m, 14) * 600) });
    const row = [
      rowId(at, 2, m), c.id, ws.workspaceId, user ? "user" : "assistant", content, failed ? "failed" : "completed",
      failed ? "The model provider answered 503." : "\\N", user ? "\\N" : "gpt-4o-mini", usage, iso(at), user ? "\\N" : iso(at + took),
    ];
    out += row.join("\t") + "\n";
    at += took + 1 + Math.floor(unit(m, 15) * 30_000);
  }
  return out;
}

export const callLogColumns =
  "id, app_id, workspace_id, workspace_server, method, tool_arguments, outcome, error, duration_ms, client_name, client_version, conversation_id, caller_user_id, oauth_client_id, oauth_client_name, created_at";

const clients = [["Claude Desktop", "1.4.2"], ["Cursor", "2.1.0"], ["VS Code", "1.107.0"], ["mcp-inspector", "0.18.0"]] as const;

/**
 * Call `n` of the log: 60% through the published app's own server, 40% through the workspace server (a third of
 * those tools/list or a refusal naming no app). Outcomes ok, error and refused; none cancelled, which is the filter
 * that matches nothing. A third of the calls are signed in (a person and an OAuth client).
 */
export function callLogLine(n: number, sizes: ScaleSizes, ws: ScaleWorkspace): string {
  const at = Math.floor(spanStart + (n / sizes.callLogs) * year + unit(n, 20) * 1000);
  const viaWorkspace = unit(n, 21) < 0.4;
  const noApp = viaWorkspace && unit(n, 22) < 0.33;
  const app = noApp ? null : viaWorkspace ? appIndex(n, 23) : 0;
  const m = unit(n, 24);
  const method = noApp ? "tools/list" : m < 0.7 ? "tools/call" : m < 0.9 ? "tools/list" : m < 0.98 ? "initialize" : "ping";
  const o = unit(n, 25);
  const outcome = noApp && o < 0.1 ? "refused" : o < 0.92 ? "ok" : o < 0.98 ? "error" : "refused";
  const signedIn = unit(n, 26) < 0.33;
  const client = pick(clients, n, 27);
  const oauth = signedIn ? pick(ws.oauthClients, n, 28) : null;
  // A tools/call that ran an app points at a conversation of that time (the Logs page reads its client name).
  const conv = method === "tools/call" && outcome === "ok" ? conversationAt(Math.min(sizes.conversations - 1, Math.floor((n / sizes.callLogs) * sizes.conversations)), sizes) : null;
  const row = [
    rowId(at, 3, n), app === null ? "\\N" : ws.appIds[app], ws.workspaceId, viaWorkspace ? "t" : "f", method,
    method === "tools/call" ? JSON.stringify({ query: `${pick(verbs, n, 29)} ${ticket(n)}` }) : "\\N", outcome,
    outcome === "error" ? "The tool failed: upstream timeout." : outcome === "refused" ? "Not allowed for this caller." : "\\N",
    String(Math.floor(unit(n, 30) * (method === "tools/call" ? 15_000 : 40))), client[0], client[1], conv?.source === "mcp" ? conv.id : "\\N",
    signedIn ? pick(ws.userIds, n, 31) : "\\N", oauth ? oauth.id : "\\N", oauth ? oauth.name : "\\N", iso(at),
  ];
  return row.join("\t") + "\n";
}
