import type { ComponentProps } from "react";
import { Slot } from "radix-ui";
import { LoaderCircle } from "lucide-react";
import { cn } from "./cn";

const variants = {
  default:
    "bg-primary text-primary-foreground shadow-[inset_0_1px_0_rgb(255_255_255/0.14),0_1px_2px_rgb(0_0_0/0.12)] hover:bg-primary/90",
  secondary: "bg-secondary text-secondary-foreground hover:bg-secondary/70 dark:hover:bg-secondary/80",
  outline:
    "border border-input bg-background text-foreground shadow-xs hover:bg-accent dark:bg-input/20 dark:hover:bg-input/40",
  ghost: "text-foreground hover:bg-accent hover:text-accent-foreground",
  destructive:
    "bg-destructive text-destructive-foreground shadow-[inset_0_1px_0_rgb(255_255_255/0.14),0_1px_2px_rgb(0_0_0/0.12)] hover:bg-destructive/90 focus-visible:outline-destructive",
  link: "h-auto px-0 text-primary underline-offset-4 hover:underline dark:text-info",
} as const;

// Phones (below sm) get 40 px touch targets; the denser sizes are for a mouse. `max-sm:` rather than `sm:` keeps a
// caller's own height (`className="h-7"`) on desktop.
const sizes = {
  sm: "h-8 gap-1.5 rounded-md px-3 text-[13px] max-sm:h-10",
  default: "h-9 px-4 max-sm:h-10",
  lg: "h-10 px-5",
  icon: "size-9 max-sm:size-10",
  "icon-sm": "size-8 max-sm:size-10",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

/** The class string of a button, for elements that cannot use <Button>. */
export function buttonVariants({
  variant = "default",
  size = "default",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(
    "inline-flex shrink-0 cursor-pointer select-none items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium",
    "transition-[color,background-color,border-color,box-shadow,opacity] duration-150",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
    "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50",
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
    sizes[size],
    variants[variant],
    className,
  );
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Render the single child (e.g. next/link) with button styles instead of a <button>. */
  asChild?: boolean;
  /** Shows a spinner and disables the button, e.g. while a mutation runs. */
  loading?: boolean;
};

export function Button({
  variant,
  size,
  asChild = false,
  loading = false,
  disabled,
  className,
  children,
  type,
  ...props
}: ButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  return (
    <Comp
      // Default to "button" so a button inside a form never submits by accident.
      type={asChild ? undefined : (type ?? "button")}
      disabled={asChild ? undefined : disabled || loading}
      aria-disabled={asChild && (disabled || loading) ? true : undefined}
      aria-busy={loading || undefined}
      className={buttonVariants({ variant, size, className })}
      {...props}
    >
      {loading && <LoaderCircle aria-hidden className="animate-spin" />}
      {/* Slottable lets the spinner sit beside an asChild child's own content. */}
      <Slot.Slottable>{children}</Slot.Slottable>
    </Comp>
  );
}
