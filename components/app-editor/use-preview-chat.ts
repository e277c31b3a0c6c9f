"use client";
// Debug & Preview chat state: streams the runtime's events (NDJSON) from the preview route.
import { useCallback, useRef, useState } from "react";
import type { RunEvent } from "@/server/agent/run-events";

/** The decision on a call that asked first, as the trace shows it. */
export interface StepApproval {
  decision: "approved" | "denied";
  via: "preview" | "elicitation" | "policy";
  /** "you", a member's name, or null when nobody decided (the time limit). */
  by: string | null;
  at?: string;
  edited: boolean;
}

export interface ToolStep {
  callId: string;
  name: string;
  title?: string;
  arguments: unknown;
  result?: unknown;
  error?: string;
  isError?: boolean;
  durationMs?: number;
  done: boolean;
  /** Ended by Stop (or by the server going away) before it answered: not a failure of the tool. */
  ended?: "stopped" | "interrupted";
  /** Waiting for the person running the preview: the approval card shows. */
  asking?: { messageId: string };
  approval?: StepApproval;
  /** Failed because you must connect your own account to this server again; the turn's Connect card offers it. */
  connect?: { id: string; name: string };
}

export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
  steps: ToolStep[];
  status: "running" | "completed" | "failed" | "stopped" | "interrupted";
  error?: string;
  /** The stored answer's id, which an approval names. */
  messageId?: string;
  /** Per-person servers to connect before this message can run; it is sent again once they are. */
  connect?: { servers: Array<{ id: string; name: string }>; query: string; inputs: Record<string, unknown> };
}

/** Calls still out when a run stops never answer: they end as "stopped" rather than spin forever. */
function endSteps(steps: ToolStep[]): ToolStep[] {
  return steps.map((s) => (s.done ? s : { ...s, done: true, ended: "stopped", asking: undefined }));
}

function updateStep(turn: ChatTurn, callId: string, fn: (step: ToolStep) => ToolStep): ChatTurn {
  return { ...turn, steps: turn.steps.map((s) => (s.callId === callId ? fn(s) : s)) };
}

export function usePreviewChat({ appId, workspaceId }: { appId: string; workspaceId: string | undefined }) {
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);
  // Calls this person approved or denied here; a preview call decided by nobody was denied by the time limit.
  const decidedHere = useRef(new Set<string>());

  const updateLast = (fn: (turn: ChatTurn) => ChatTurn) => setTurns((all) => [...all.slice(0, -1), fn(all[all.length - 1]!)]);

  const apply = useCallback((event: RunEvent) => {
    switch (event.type) {
      case "started":
        setConversationId(event.conversationId);
        updateLast((t) => ({ ...t, messageId: event.messageId }));
        break;
      case "text-delta":
        updateLast((t) => ({ ...t, content: t.content + event.text }));
        break;
      case "tool-call-started":
        updateLast((t) => ({ ...t, steps: [...t.steps, { callId: event.callId, name: event.name, arguments: event.arguments, done: false }] }));
        break;
      case "tool-approval-requested":
        updateLast((t) => {
          const asking = { messageId: t.messageId ?? "" };
          const known = t.steps.some((s) => s.callId === event.callId);
          const steps = known ? t.steps : [...t.steps, { callId: event.callId, name: event.name, arguments: event.arguments, done: false }];
          return updateStep({ ...t, steps }, event.callId, (s) => ({ ...s, title: event.title, asking }));
        });
        break;
      case "tool-approval-decided":
        updateLast((t) =>
          updateStep(t, event.callId, (s) => ({
            ...s,
            asking: undefined,
            arguments: event.editedArguments ?? s.arguments,
            approval: {
              decision: event.decision,
              via: event.via,
              by: event.via === "preview" && decidedHere.current.has(event.callId) ? "you" : null,
              at: new Date().toISOString(),
              edited: event.editedArguments !== undefined,
            },
          })),
        );
        break;
      case "tool-call-finished":
        updateLast((t) => ({
          ...t,
          steps: t.steps.map((s) =>
            s.callId === event.callId
              ? { ...s, result: event.result, error: event.error, isError: event.isError, durationMs: event.durationMs, done: true, ended: event.stopped ? "stopped" : undefined, connect: event.connect }
              : s,
          ),
        }));
        break;
      case "finished":
        updateLast((t) => ({
          ...t,
          content: event.answer || t.content,
          status: event.status,
          steps: event.status === "stopped" ? endSteps(t.steps) : t.steps,
        }));
        break;
      case "error":
        updateLast((t) => ({ ...t, status: "failed", error: event.message }));
        break;
    }
  }, []);

  const send = useCallback(
    async (query: string, inputs: Record<string, unknown>) => {
      const abort = new AbortController();
      controller.current = abort;
      // After Restart this run's events belong to a conversation no longer shown: they are dropped, not applied to
      // the new one (or to no turn at all).
      const current = () => controller.current === abort;
      const applyCurrent = (event: RunEvent) => {
        if (!current()) return;
        if (event.type === "needs-connection") return updateLast((t) => ({ ...t, status: "completed", connect: { servers: event.servers, query, inputs } }));
        // A tool found mid-run that you must connect again: the same card, under this turn, sends the message again.
        const lost = event.type === "tool-call-finished" ? event.connect : undefined;
        if (lost) updateLast((t) => ({ ...t, connect: { servers: [...(t.connect?.servers ?? []).filter((s) => s.id !== lost.id), lost], query, inputs } }));
        apply(event);
      };
      setRunning(true);
      setTurns((all) => [...all, { role: "user", content: query, steps: [], status: "completed" }, { role: "assistant", content: "", steps: [], status: "running" }]);
      try {
        const response = await fetch(`/api/apps/${appId}/preview`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(workspaceId ? { "x-workspace-id": workspaceId } : {}) },
          body: JSON.stringify({ query, inputs, conversationId }),
          signal: abort.signal,
        });
        if (!response.ok || !response.body) {
          const body = await response.json().catch(() => null);
          applyCurrent({ type: "error", message: body?.message ?? `The preview failed (HTTP ${response.status}).` });
          return;
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const lines = buffer.split("\n");
          buffer = lines.pop() ?? "";
          for (const line of lines) if (line.trim()) applyCurrent(JSON.parse(line) as RunEvent);
        }
      } catch (error) {
        if (!current()) return;
        // Stop closes the stream before the server reports the calls it cut short: they end here, as stopped.
        if (abort.signal.aborted) updateLast((t) => ({ ...t, status: "stopped", steps: endSteps(t.steps) }));
        else apply({ type: "error", message: "Lost the connection to the server. Check your network and try again." });
      } finally {
        if (current()) {
          setRunning(false);
          controller.current = null;
        }
      }
    },
    [appId, workspaceId, conversationId, apply],
  );

  /** After Connect: the message that asked for it leaves the chat and is sent again, now with the connection. */
  const retry = useCallback(
    async (turn: ChatTurn) => {
      if (!turn.connect) return;
      setTurns((all) => all.slice(0, -2));
      await send(turn.connect.query, turn.connect.inputs);
    },
    [send],
  );

  /** The person's decision was accepted; the run's own event may come before or after this. */
  const decided = useCallback((callId: string) => {
    decidedHere.current.add(callId);
    setTurns((all) =>
      all.map((t) => ({ ...t, steps: t.steps.map((s) => (s.callId === callId && s.approval && !s.approval.by ? { ...s, approval: { ...s.approval, by: "you" } } : s)) })),
    );
  }, []);

  const stop = useCallback(() => controller.current?.abort(), []);
  const restart = useCallback(() => {
    const inFlight = controller.current;
    controller.current = null;
    inFlight?.abort();
    setRunning(false);
    setTurns([]);
    setConversationId(null);
  }, []);

  return { turns, running, send, stop, restart, retry, decided };
}
