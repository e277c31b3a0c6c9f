"use client";
// The editor's draft: local state that saves itself (debounced) and reports saving / saved / error.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { AppConfig } from "@/server/apps/app-config";

export type SaveState = "idle" | "saving" | "saved" | "error";

export function useAppDraft(appId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const app = useQuery(trpc.apps.get.queryOptions({ id: appId }));
  const [draft, setDraftState] = useState<AppConfig | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const save = useMutation(trpc.apps.updateDraft.mutationOptions());

  useEffect(() => {
    if (app.data && draft === null) setDraftState(app.data.draft);
  }, [app.data, draft]);

  // Saves run one at a time, in order, and only the newest draft is sent (each draft holds every edit before it).
  // Two saves in flight could commit out of order and leave an older draft stored. Edits are counted, not saves:
  // a save that finishes while a newer edit waits out its debounce must not say "Saved" (a reload would lose it).
  const queue = useRef<Promise<void>>(Promise.resolve());
  const edits = useRef(0);
  const flush = useCallback(
    (next: AppConfig) => {
      const seq = edits.current;
      setSaveState("saving");
      queue.current = queue.current.then(async () => {
        if (seq !== edits.current) return;
        try {
          await save.mutateAsync({ id: appId, draft: next });
          if (seq === edits.current) setSaveState("saved");
          await queryClient.invalidateQueries(trpc.apps.get.queryFilter({ id: appId }));
        } catch {
          if (seq === edits.current) setSaveState("error");
        }
      });
      return queue.current;
    },
    [appId, queryClient, save, trpc],
  );

  const setDraft = useCallback(
    (update: (current: AppConfig) => AppConfig) => {
      setDraftState((current) => {
        if (!current) return current;
        const next = update(current);
        edits.current++;
        if (timer.current) clearTimeout(timer.current);
        setSaveState("saving");
        timer.current = setTimeout(() => void flush(next), 600);
        return next;
      });
    },
    [flush],
  );

  /** Saves any pending edit now (before publishing or running a preview). */
  const saveNow = useCallback(async () => {
    if (timer.current && draft) {
      clearTimeout(timer.current);
      timer.current = null;
      await flush(draft);
    }
  }, [draft, flush]);

  return { app, draft, setDraft, saveState, saveError: save.error?.message ?? null, saveNow };
}
