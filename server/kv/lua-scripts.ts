import "server-only";

/** Scripts both Redis drivers run, so the two cannot drift apart. Each runs atomically on the server. */
export const luaScripts = {
  /**
   * INCR, then give the key its window only when it has no expiry: the first increment, or a key that lost
   * its TTL (a plain `INCR` + `EXPIRE` pair can crash in between and leave a counter that never resets).
   * Returns {count, seconds to live}, rounded up so a caller never sees 0 for a live window.
   */
  incr: `
local count = redis.call('INCR', KEYS[1])
local pttl = redis.call('PTTL', KEYS[1])
if pttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  pttl = tonumber(ARGV[1]) * 1000
end
return {count, math.ceil(pttl / 1000)}
`,
  /** Compare-and-delete: only the holder of a lock token may release it. Returns 1 when deleted. */
  delIfEquals: `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`,
};
