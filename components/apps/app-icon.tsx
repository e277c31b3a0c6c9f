import { cn } from "@/components/ui/cn";

export function AppIcon({ icon, background, className }: { icon: string; background: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn("flex size-10 shrink-0 items-center justify-center rounded-lg text-xl", className)}
      style={{ backgroundColor: background }}
    >
      {icon}
    </span>
  );
}
