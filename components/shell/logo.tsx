import { cn } from "@/components/ui/cn";

/** The mark: a track forking at a rail switch on an indigo tile. The set
 *  route is solid and the other dimmed, as a switch routes one way at a time. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden
      className={cn("size-6 shrink-0 rounded-md text-primary-foreground", className)}
    >
      <rect width="24" height="24" rx="6" className="fill-primary" />
      <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        <path d="M5 12h3.5c4 0 5.5-5 10.5-5" />
        <path d="M8.5 12c4 0 5.5 5 10.5 5" strokeOpacity="0.5" />
      </g>
    </svg>
  );
}

/** Mark plus the "Switchyard" wordmark. */
export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <LogoMark />
      <span className="text-[15px] font-semibold tracking-tight text-foreground">Switchyard</span>
    </span>
  );
}
