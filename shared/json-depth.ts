// How deep parsed JSON nests, measured without recursion. JSON.parse takes any depth, but most code after it (schema
// validators, superjson, JSON.stringify) recurses and overflows the stack somewhere past a thousand levels, with the
// engine's "Maximum call stack size exceeded" as the only explanation. Every door that takes JSON from outside asks
// this first and refuses in its own words.

/** Deeper than any form input, tool call or draft we take; far below where recursive code overflows. */
export const maxJsonDepth = 100;

/** True when arrays and objects in `value` nest more than `max` levels (the value itself is level 1). */
export function isNestedDeeper(value: unknown, max: number = maxJsonDepth): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}
