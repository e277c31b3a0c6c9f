// The real peers a spec file talks to (the scripted model, tool servers), started together before its first test
// and closed after its last. Each is reached through the returned object once the file's tests run.
import { test } from "@playwright/test";

type Peer = { close(): Promise<unknown> };

export function usePeers<Peers extends Record<string, Peer>>(start: { [Name in keyof Peers]: () => Promise<Peers[Name]> }): Peers {
  const peers = {} as Peers;
  test.beforeAll(async () => {
    const started = await Promise.all(Object.entries(start).map(async ([name, begin]) => [name, await begin()] as const));
    Object.assign(peers, Object.fromEntries(started));
  });
  test.afterAll(async () => {
    await Promise.all(Object.values(peers).map((peer) => peer?.close()));
  });
  return peers;
}
