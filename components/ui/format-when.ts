/** A moment in the reader's locale, or "never" for a thing not used yet. */
export function formatWhen(value: Date | string | null) {
  return value ? new Date(value).toLocaleString() : "never";
}
