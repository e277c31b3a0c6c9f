// An HTTP request node's secret headers (a token, an API key): sealed when the draft is saved, bound to the app, the
// node, the header's name and the origin of the URL it was entered for. A sealed value moved to another node, app
// or host does not open, so an editor cannot send a secret they cannot read to an address they choose.
import "server-only";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import { AppError } from "@/server/errors";
import type { NodeOfType, WorkflowGraph } from "./graph";
import { findReferences } from "./references";

type HttpNode = NodeOfType<"http">;
type Header = HttpNode["data"]["headers"][number];

/** The URL's origin when references cannot change it (`https://api.example.com/{{start.path}}`), else null. */
export function fixedOrigin(urlTemplate: string): string | null {
  const origins = ["a", "b"].map((fill) => {
    try {
      const url = new URL(urlTemplate.replace(/\{\{[^}]*\}\}/g, fill).trim());
      return url.origin === "null" ? null : url.origin;
    } catch {
      return null;
    }
  });
  return origins[0] && origins[0] === origins[1] ? origins[0] : null;
}

const aad = (appId: string, nodeId: string, name: string, origin: string) => `${appId}:workflow:${nodeId}:header:${name.trim().toLowerCase()}:${origin}`;

function refuse(node: HttpNode, header: Header, message: string): never {
  throw new AppError("bad_request:workflow", `${node.title || node.id}, header ${header.name || "(no name)"}: ${message}`);
}

/** The draft as stored: each secret header's new value sealed, each kept one checked to still open where it is. */
export function sealWorkflowSecrets({ appId, graph }: { appId: string; graph: WorkflowGraph }): WorkflowGraph {
  const nodes = graph.nodes.map((node) => {
    if (node.type !== "http") return node;
    const headers = node.data.headers.map((header): Header => {
      if (!header.secret) return { name: header.name, value: header.value, secret: false };
      if (!header.value && !header.valueCiphertext) return { name: header.name, value: "", secret: true };
      const origin = fixedOrigin(node.data.url);
      if (!origin) refuse(node, header, "a secret is sent to one fixed address: write the URL's scheme and host out, without {{references}}.");
      const bound = aad(appId, node.id, header.name, origin);
      if (header.value) {
        if (findReferences(header.value).length > 0) refuse(node, header, "a secret value is stored sealed, so it cannot hold {{references}}: turn Secret off to build it from earlier outputs.");
        return { name: header.name, value: "", secret: true, valueCiphertext: sealSecret(header.value, bound) };
      }
      try {
        openSecret(header.valueCiphertext!, bound);
      } catch {
        refuse(node, header, "its saved value was entered for another address or node. Enter the value again.");
      }
      return { name: header.name, value: "", secret: true, valueCiphertext: header.valueCiphertext };
    });
    return { ...node, data: { ...node.data, headers } };
  });
  return { ...graph, nodes };
}

/** A secret header's value for a run; throws when the URL's origin is no longer the one it was sealed for. */
export function openSecretHeader({ appId, node, header }: { appId: string; node: HttpNode; header: Header }): string {
  const origin = fixedOrigin(node.data.url);
  try {
    if (!origin || !header.valueCiphertext) throw new Error("unsealed");
    return openSecret(header.valueCiphertext, aad(appId, node.id, header.name, origin));
  } catch {
    throw new AppError("bad_request:workflow", `The secret value of header ${header.name} cannot be used with this URL: enter it again in the node's settings.`);
  }
}

/** For a copy of the app (duplicate): each sealed value opened under the old app and sealed under the new one. */
export function resealWorkflowSecrets({ fromAppId, toAppId, graph }: { fromAppId: string; toAppId: string; graph: WorkflowGraph }): WorkflowGraph {
  return mapSecretHeaders(graph, (node, header) => {
    try {
      const value = openSecretHeader({ appId: fromAppId, node, header });
      return { ...header, valueCiphertext: sealSecret(value, aad(toAppId, node.id, header.name, fixedOrigin(node.data.url)!)) };
    } catch {
      // A value that no longer opens is left for the person to enter again, as in the original.
      return { name: header.name, value: "", secret: true };
    }
  });
}

/** For an app file: secret values never leave the workspace; the importer enters them again. */
export function withoutWorkflowSecrets(graph: WorkflowGraph): WorkflowGraph {
  return mapSecretHeaders(graph, (_, header) => ({ name: header.name, value: "", secret: true }));
}

function mapSecretHeaders(graph: WorkflowGraph, map: (node: HttpNode, header: Header) => Header): WorkflowGraph {
  const nodes = graph.nodes.map((node) =>
    node.type === "http" ? { ...node, data: { ...node.data, headers: node.data.headers.map((h) => (h.secret ? map(node, h) : h)) } } : node,
  );
  return { ...graph, nodes };
}
