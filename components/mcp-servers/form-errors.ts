// Server errors -> form fields: zod issues carry a path; AppErrors are matched by what they talk about.

type ErrorLike = {
  message: string;
  data?: { zodIssues?: { path: string; message: string }[] | null; appCode?: string | null } | null;
} | null;

export type FieldErrors = Partial<Record<string, string>>;

export interface FormErrors {
  fields: FieldErrors;
  /** A message that belongs to no single field, shown above the buttons. */
  form: string | null;
}

export const noFormErrors: FormErrors = { fields: {}, form: null };

/** Takes a tRPC client error (or anything thrown) and places its message(s) on the fields they concern. */
export function formErrorsFrom(thrown: unknown): FormErrors {
  if (!thrown) return noFormErrors;
  const error = (typeof thrown === "object" ? thrown : { message: String(thrown) }) as NonNullable<ErrorLike>;
  if (!error.message) return { fields: {}, form: "Something went wrong. Try again." };
  const issues = error.data?.zodIssues;
  if (issues?.length) {
    const fields: FieldErrors = {};
    const loose: string[] = [];
    for (const issue of issues) {
      const path = issue.path.replace(/^connection\.?/, "");
      if (path) fields[path] ??= issue.message;
      else loose.push(issue.message);
    }
    return { fields, form: loose.join(" ") || null };
  }
  const field = /identifier/i.test(error.message)
    ? "identifier"
    : /header/i.test(error.message)
      ? "headers"
      : /\b(url|address|host|private|network)\b/i.test(error.message)
        ? "url"
        : null;
  return field ? { fields: { [field]: error.message }, form: null } : { fields: {}, form: error.message };
}
