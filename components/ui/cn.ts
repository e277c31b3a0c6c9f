import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class names and lets later Tailwind classes win over earlier ones,
 *  so a caller's `className` can override a component's defaults. */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
