import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A placeholder block while data loads; hidden from assistive tech, so put
 *  `aria-busy` on the region that is loading. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}
