"use client";
import { useId } from "react";
import { AppIcon } from "@/components/apps/app-icon";
import { iconBackgrounds } from "@/components/apps/app-types";
import { cn } from "@/components/ui/cn";

export const serverIconChoices = ["🔌", "🛠️", "🌤️", "🔎", "📚", "🗂️", "🧮", "📈", "💾", "🌐", "🧩", "🤖"];

/** Emoji on a colour, the same picker as Create app: two radio groups of buttons. */
export function IconPicker({
  icon,
  background,
  onIconChange,
  onBackgroundChange,
}: {
  icon: string;
  background: string;
  onIconChange: (icon: string) => void;
  onBackgroundChange: (background: string) => void;
}) {
  const labelId = useId();
  return (
    <div className="grid gap-2">
      <span className="text-sm font-medium" id={labelId}>
        Icon
      </span>
      <div className="flex items-start gap-3">
        <AppIcon icon={icon} background={background} className="size-11" />
        <div className="grid min-w-0 gap-2">
          <div role="radiogroup" aria-labelledby={labelId} className="flex flex-wrap gap-1.5">
            {serverIconChoices.map((choice) => (
              <button
                type="button"
                key={choice}
                role="radio"
                aria-checked={icon === choice}
                aria-label={`Icon ${choice}`}
                onClick={() => onIconChange(choice)}
                className={cn(
                  "size-8 cursor-pointer rounded-md text-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                  icon === choice ? "bg-accent ring-2 ring-primary" : "hover:bg-accent",
                )}
              >
                {choice}
              </button>
            ))}
          </div>
          <div role="radiogroup" aria-label="Icon background" className="flex flex-wrap gap-1.5">
            {iconBackgrounds.map((color) => (
              <button
                type="button"
                key={color}
                role="radio"
                aria-checked={background === color}
                aria-label={`Background ${color}`}
                onClick={() => onBackgroundChange(color)}
                className={cn(
                  "size-6 cursor-pointer rounded-full border focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
                  background === color && "ring-2 ring-primary ring-offset-2 ring-offset-background",
                )}
                style={{ backgroundColor: color }}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
