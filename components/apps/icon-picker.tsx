"use client";
import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { AppIcon } from "./app-icon";
import { iconBackgrounds } from "./app-types";

/** Emoji on a colour, for apps and MCP servers alike: two radio groups of buttons, with a preview unless the form shows one. */
export function IconPicker({
  choices,
  icon,
  background,
  onIconChange,
  onBackgroundChange,
  preview = true,
}: {
  choices: readonly string[];
  icon: string;
  background: string;
  onIconChange: (icon: string) => void;
  onBackgroundChange: (background: string) => void;
  preview?: boolean;
}) {
  const labelId = useId();
  return (
    <div className="grid gap-2">
      <span className="text-sm font-medium" id={labelId}>
        Icon
      </span>
      <div className="flex items-start gap-3">
        {preview && <AppIcon icon={icon} background={background} className="size-11" />}
        <div className="grid min-w-0 gap-2">
          <div role="radiogroup" aria-labelledby={labelId} className="flex flex-wrap gap-1.5">
            {choices.map((choice) => (
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
