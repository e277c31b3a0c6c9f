// The one rule for every write-only secret a form sends back masked (provider keys, header values, OAuth client
// secrets, sealed URLs): the mask keeps the stored secret only while the origin (scheme, host, port) it was entered
// for stays the same. Otherwise the editor could move a secret they cannot read to a host they choose, and read it
// there. Every caller goes through keepMaskedSecrets, so the rule and its message exist once.
import { AppError, type ErrorCode } from "@/server/errors";
import { isMasked } from "./secret-box";

/** One secret of a form: what was sent, whether that is a mask, and what is stored for it (if anything). */
export interface MaskedSecretField<T> {
  /** How the person knows the field, e.g. "header Authorization", "OAuth client secret", "API key". */
  label: string;
  /** The form sent a mask (not a new value): it stands for the stored secret. */
  masked: boolean;
  /** The stored secret this mask stands for; null or undefined when there is none to keep. */
  stored: T | null | undefined;
}

export interface SecretPlace {
  /** The URL the stored secrets were entered for; null for a new item. */
  from: string | null | undefined;
  /** The URL the request will use. */
  to: string | null | undefined;
  /** What the address belongs to, as the message names it: "the server's", "the provider's". */
  owner: string;
  /** AppError code of the refusal, e.g. "bad_request:mcp_server". */
  code: ErrorCode & `bad_request:${string}`;
}

/** Scheme, host and port of a URL (default ports folded by the URL parser), or null when there is none. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** A field whose mask is the short maskSecret form (keys, header values, client secrets). */
export function maskedField<T>(label: string, input: string | null | undefined, stored: T | null | undefined): MaskedSecretField<T> {
  return { label, masked: Boolean(input) && isMasked(input!), stored };
}

/**
 * For each field: the stored secret to keep (a mask under an unchanged origin), or null when the field carries a new
 * value (or none) that the caller seals itself. Refuses the whole request, naming every field to enter again, when a
 * mask has nothing stored behind it or the origin changed; nothing is kept, sent or saved then.
 */
export function keepMaskedSecrets<T>(place: SecretPlace, fields: readonly MaskedSecretField<T>[]): (T | null)[] {
  const from = originOf(place.from);
  const moved = from === null || from !== originOf(place.to);
  const refused = fields.filter((f) => f.masked && (moved || f.stored === null || f.stored === undefined));
  if (refused.length > 0) {
    const names = refused.map((f) => f.label).join(", ");
    const why =
      place.from && moved
        ? `saved secrets are kept only while ${place.owner} address (scheme, host, port) stays the same.`
        : "a masked value stands for a saved secret, and there is none to keep.";
    throw new AppError(place.code, `Enter again: ${names} — ${why}`);
  }
  return fields.map((f) => (f.masked ? (f.stored as T) : null));
}
