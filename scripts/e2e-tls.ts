// A self-signed certificate for 127.0.0.1 that the e2e app trusts (NODE_EXTRA_CA_CERTS): the specs serve https
// peers with it, such as a client ID metadata document, whose client_id must be an https URL. Written once per run
// before `next start`, to a folder named after the port so the specs (another process) find the same pair.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate } from "selfsigned";

export function e2eTlsPaths(port: string | number) {
  const dir = path.resolve(".test-output", `e2e-tls-${port}`);
  return { dir, cert: path.join(dir, "cert.pem"), key: path.join(dir, "key.pem") };
}

export async function writeE2eTls(port: string | number) {
  const paths = e2eTlsPaths(port);
  const pems = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 2, value: "localhost" }] },
    ],
  });
  mkdirSync(paths.dir, { recursive: true });
  writeFileSync(paths.cert, pems.cert);
  writeFileSync(paths.key, pems.private, { mode: 0o600 });
  return paths;
}

/** The pair the running e2e server trusts, for a spec's https server. */
export function readE2eTls(port: string | number) {
  const paths = e2eTlsPaths(port);
  return { cert: readFileSync(paths.cert, "utf8"), key: readFileSync(paths.key, "utf8") };
}
