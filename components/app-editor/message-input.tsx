"use client";
// The message box of a preview chat: Enter sends, Shift+Enter starts a new line.
import { Textarea } from "@/components/ui/textarea";

export function MessageInput({ value, onChange, onSend, placeholder = "Type a message (Enter to send)" }: { value: string; onChange(value: string): void; onSend(): void; placeholder?: string }) {
  return (
    <Textarea
      aria-label="Message"
      rows={2}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && !e.shiftKey) {
          e.preventDefault();
          onSend();
        }
      }}
      placeholder={placeholder}
      className="min-h-0 resize-none"
    />
  );
}
