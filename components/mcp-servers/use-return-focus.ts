"use client";
import { useRef } from "react";

/** Radix returns focus to a Dialog.Trigger only; dialogs opened from state get this instead: remember what had
 *  focus when the dialog opened (before Radix moves it) and go back there on close, if it is still on the page. */
export function useReturnFocus() {
  const previous = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      previous.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (event: Event) => {
      const element = previous.current;
      if (element?.isConnected) {
        event.preventDefault();
        element.focus();
      }
    },
  };
}
