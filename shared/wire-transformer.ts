// The tRPC transformer of the console API (server and browser alike): superjson, made safe for JSON that came from
// outside. superjson refuses to serialize any object with a key named __proto__, constructor or prototype ("Detected
// property ... prototype pollution risk") and its deserializer silently drops __proto__ keys, so one such key in a
// stored tool call or form input would break every later read of the list that holds it. Here those keys cross the
// wire with one "~" in front (a key that already looks like that gets one more, so the mapping is reversible), and
// the reader puts them back as plain own data properties: they stay data, never a prototype.
import type { TRPCDataTransformer } from "@trpc/server";
import superjson from "superjson";
import { isNestedDeeper } from "./json-depth";

// superjson walks values recursively and overflows the stack past about 1,500 levels. Input deeper than this is
// refused with a message of ours rather than the engine's; output deeper than this (a stored tool result, say) is cut
// there and marked, so an answer is never lost to one odd value.
export const maxWireDepth = 200;
export const tooDeepMarker = `[nested more than ${maxWireDepth} levels deep: not shown]`;

export class WireDepthError extends Error {
  constructor() {
    super(`The data is nested more than ${maxWireDepth} levels deep.`);
    this.name = "WireDepthError";
  }
}

const reservedKey = /^~*(?:__proto__|constructor|prototype)$/;
const escapedKey = /^~+(?:__proto__|constructor|prototype)$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy of `value` whose object keys went through `rename`; the same reference when nothing changed. */
function mapKeys(value: unknown, rename: (key: string) => string | null, tooDeep: () => unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (depth >= maxWireDepth) return tooDeep();
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const mapped = mapKeys(value[i], rename, tooDeep, depth + 1);
      if (mapped !== value[i]) (copy ??= value.slice())[i] = mapped;
    }
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  if (depth >= maxWireDepth) return tooDeep();
  // Most objects have no such key: they are passed on as they are, and only a changed one is copied.
  const keys = Object.keys(value);
  let entries: [string, unknown][] | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const renamed = rename(key);
    const mapped = mapKeys(value[key], rename, tooDeep, depth + 1);
    if (!entries && (renamed !== null || mapped !== value[key])) entries = keys.slice(0, i).map((k) => [k, value[k]]);
    entries?.push([renamed ?? key, mapped]);
  }
  if (!entries) return value;
  const copy: Record<string, unknown> = {};
  // defineProperty, not assignment: `copy["__proto__"] = x` would set the prototype instead of a key.
  for (const [key, mapped] of entries) Object.defineProperty(copy, key, { value: mapped, enumerable: true, writable: true, configurable: true });
  return copy;
}

const escape = (value: unknown) => mapKeys(value, (key) => (reservedKey.test(key) ? `~${key}` : null), () => tooDeepMarker);
const unescape = (value: unknown) =>
  mapKeys(value, (key) => (escapedKey.test(key) ? key.slice(1) : null), () => {
    throw new WireDepthError();
  });

export const wireTransformer: TRPCDataTransformer = {
  serialize: (value: unknown) => superjson.serialize(escape(value)),
  deserialize: (payload: unknown) => {
    // Measured before superjson copies it recursively; two levels more for its { json, meta } envelope.
    if (isNestedDeeper(payload, maxWireDepth + 2)) throw new WireDepthError();
    return unescape(superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]));
  },
};
