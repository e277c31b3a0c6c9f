"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Check, Copy } from "lucide-react";
import { Button, type ButtonProps } from "./button";
import { cn } from "./cn";

export type CopyButtonProps = Omit<ButtonProps, "onClick" | "children" | "asChild"> & {
  value: string;
  /** What is copied, for the accessible name: "Copy {label}". Default "to clipboard". */
  label?: string;
  /** Visible text beside the icon; icon-only when omitted. */
  children?: ReactNode;
};

/** Copies `value`, then shows a check for 2 s and announces "Copied" politely. */
export function CopyButton({
  value,
  label = "to clipboard",
  children,
  variant = "ghost",
  size,
  className,
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await writeClipboard(value);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard can be blocked (permissions, iframes); the value is still
      // visible next to the button, so failing quietly is acceptable here.
    }
  }

  const Icon = copied ? Check : Copy;
  return (
    <Button
      variant={variant}
      size={size ?? (children ? "sm" : "icon-sm")}
      aria-label={children ? undefined : `Copy ${label}`}
      className={cn(copied && "text-success hover:text-success", className)}
      onClick={copy}
      {...props}
    >
      <Icon aria-hidden />
      {children}
      <span role="status" aria-live="polite" className="sr-only">
        {copied ? "Copied" : ""}
      </span>
    </Button>
  );
}

async function writeClipboard(text: string) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-http self-hosting has no async clipboard API; fall back to a hidden textarea.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}
