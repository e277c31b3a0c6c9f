"use client";
// A scroll area that stays pinned to its newest content while it grows (a streaming answer), unless the person has
// scrolled up to read: then it stays put and offers "Jump to latest" instead of pulling the text away from them.
import { ArrowDown } from "lucide-react";
import { useCallback, useEffect, useRef, useState, type ComponentProps } from "react";
import { Button } from "./button";
import { cn } from "./cn";

/** Within this many pixels of the end counts as "at the end": sub-pixel rounding and a last line still arriving. */
const endSlackPx = 32;

export function FollowScroll({
  className,
  innerClassName,
  followKey,
  children,
  ...props
}: ComponentProps<"div"> & {
  /** The scroll area's own classes (padding, max height). */
  innerClassName?: string;
  /** Changes when the person acts (sends a message): follow again even if they had scrolled up. */
  followKey?: unknown;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const lastTop = useRef(0);
  const [away, setAway] = useState(false);

  const toEnd = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    pinned.current = true;
    setAway(false);
    el.scrollTop = el.scrollHeight;
  }, []);

  useEffect(() => {
    toEnd();
  }, [followKey, toEnd]);

  useEffect(() => {
    const el = content.current;
    if (!el) return;
    // Content grows without a scroll event (text streams in, a tool step opens): follow it while pinned.
    const observer = new ResizeObserver(() => {
      const box = scroller.current;
      if (!box) return;
      if (pinned.current) box.scrollTop = box.scrollHeight;
      else setAway(box.scrollHeight - box.scrollTop - box.clientHeight > endSlackPx);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Only a move up is the person's doing: the follow itself and growing content only ever move down, and a scroll
  // event can arrive after more content came in, when a follow that reached the end no longer looks like it.
  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const top = el.scrollTop;
    if (el.scrollHeight - top - el.clientHeight <= endSlackPx) {
      pinned.current = true;
      setAway(false);
    } else if (top < lastTop.current - 1) {
      pinned.current = false;
      setAway(true);
    }
    lastTop.current = top;
  }

  return (
    <div className={cn("relative flex min-h-0 flex-col", className)}>
      <div ref={scroller} onScroll={onScroll} className={cn("min-h-0 flex-1 overflow-y-auto", innerClassName)} {...props}>
        <div ref={content}>{children}</div>
      </div>
      {away && (
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={toEnd}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full shadow-md"
        >
          <ArrowDown aria-hidden /> Jump to latest
        </Button>
      )}
    </div>
  );
}
