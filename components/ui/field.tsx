import { Children, cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { CircleAlert } from "lucide-react";
import { cn } from "./cn";
import { Label } from "./label";

type ControlProps = {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  required?: boolean;
};

export type FieldProps = {
  label: ReactNode;
  /** Exactly one control element (Input, Textarea, NativeSelect, ...). */
  children: ReactElement<ControlProps>;
  /** Helper text under the control; hidden while an error shows. */
  hint?: ReactNode;
  /** Validation message; marks the control aria-invalid. */
  error?: ReactNode;
  /** Adds a subtle "Optional" marker beside the label. */
  optional?: boolean;
  className?: string;
};

/**
 * Label + control + hint + error, with the ids wired for screen readers:
 * the label points at the control, and the control's aria-describedby names
 * the hint or error, so both are read when it gains focus. Works in server
 * and client components (useId is allowed in both).
 */
export function Field({ label, children, hint, error, optional, className }: FieldProps) {
  const autoId = useId();
  const control = Children.only(children);
  const id = control.props.id ?? `${autoId}-control`;
  const hintId = `${autoId}-hint`;
  const errorId = `${autoId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const showHint = Boolean(hint) && !hasError;

  const describedBy =
    [control.props["aria-describedby"], showHint && hintId, hasError && errorId]
      .filter(Boolean)
      .join(" ") || undefined;

  return (
    <div className={cn("grid gap-2", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {optional && <span className="text-xs text-muted-foreground">Optional</span>}
      </div>
      {isValidElement(control) &&
        cloneElement(control, {
          id,
          "aria-describedby": describedBy,
          "aria-invalid": hasError ? true : control.props["aria-invalid"],
        })}
      {showHint && (
        <p id={hintId} className="text-[13px] leading-5 text-muted-foreground">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={errorId} className="flex items-start gap-1.5 text-[13px] leading-5 text-destructive">
          <CircleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
