import { describe, expect, it } from "vitest";
import { checkAuthorizationServerMetadata, checkCorsPreflight, checkResourceMetadata } from "@/server/authorization-server/connect-check-documents";
import { appUrlHost, checkAccessMode, checkAppUrl, checkRegistration, checkToolName } from "@/server/authorization-server/connect-check-rules";

const fixText = "Set APP_URL to a public https address";

describe("APP_URL check", () => {
  it.each([
    ["http://localhost:3210", []],
    ["https://localhost", []],
    ["https://switchyard.localhost", []],
    ["https://box.local", []],
    ["https://127.0.0.1", ["127.0.0.1"]],
    ["https://[::1]:8443", ["::1"]],
    ["https://10.1.2.3", ["10.1.2.3"]],
    ["https://192.168.0.9", ["192.168.0.9"]],
    ["https://169.254.169.254", ["169.254.169.254"]],
    ["https://intranet.example.com", ["10.0.0.7"]],
    ["https://split.example.com", ["93.184.215.14", "172.16.0.2"]],
  ])("%s cannot be reached from Claude's or ChatGPT's cloud", (appUrl, addresses) => {
    const check = checkAppUrl({ appUrl, addresses });
    expect(check.status).toBe("fail");
    expect(check.message).toContain(`cannot reach ${appUrlHost(appUrl)}`);
    expect(check.fix).toContain(fixText);
  });

  it("a public name over http fails and says https is needed", () => {
    const check = checkAppUrl({ appUrl: "http://switchyard.example.com", addresses: ["93.184.215.14"] });
    expect(check.status).toBe("fail");
    expect(check.message).toContain("https");
  });

  it("a name that does not resolve fails", () => {
    expect(checkAppUrl({ appUrl: "https://nowhere.example.com", addresses: null }).message).toContain("does not resolve");
    expect(checkAppUrl({ appUrl: "https://nowhere.example.com", addresses: [] }).status).toBe("fail");
  });

  it("a public https address passes", () => {
    const check = checkAppUrl({ appUrl: "https://switchyard.example.com/", addresses: ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"] });
    expect(check).toMatchObject({ status: "pass" });
    expect(check.fix).toBeUndefined();
  });

  it("the host is read without brackets or a trailing dot", () => {
    expect(appUrlHost("https://[::1]:3000/x")).toBe("::1");
    expect(appUrlHost("https://LocalHost./")).toBe("localhost");
    expect(checkAppUrl({ appUrl: "https://localhost.", addresses: [] }).status).toBe("fail");
  });
});

describe("access mode check", () => {
  it("API key fails: Claude and ChatGPT cannot send a pasted key", () => {
    const check = checkAccessMode("api_key");
    expect(check.status).toBe("fail");
    expect(check.fix).toContain("Switchyard sign-in");
  });

  it("anyone with the URL passes with a note; sign-in passes", () => {
    expect(checkAccessMode("url")).toMatchObject({ status: "pass", fix: expect.stringContaining("Anyone who has the URL") });
    expect(checkAccessMode("sign_in")).toMatchObject({ status: "pass" });
  });
});

describe("tool name check", () => {
  it.each(["a", "weather_bot", "get-weather.v2", "x".repeat(64)])("%s passes", (name) => {
    expect(checkToolName(name).status).toBe("pass");
  });

  it.each(["", "x".repeat(65), "has space", "émoji", "slash/name", "weather:get"])("%j fails", (name) => {
    const check = checkToolName(name);
    expect(check.status).toBe("fail");
    expect(check.fix).toContain("1 to 64");
  });

  it("a name over 64 characters says how long it is", () => {
    expect(checkToolName("y".repeat(70)).message).toContain("70 characters");
  });
});

describe("registration check", () => {
  it("Claude's and ChatGPT's callbacks are accepted and DCR is on", () => {
    const check = checkRegistration({ registrationEndpoint: "https://sy.example.com/oauth/register" });
    expect(check.status).toBe("pass");
    expect(check.message).toContain("chatgpt.com");
  });

  it("no registration endpoint fails", () => {
    expect(checkRegistration({ registrationEndpoint: undefined }).status).toBe("fail");
  });
});

const issuer = "https://sy.example.com";
const resource = `${issuer}/mcp/server/abc/mcp`;
const goodAs = {
  issuer,
  authorization_endpoint: `${issuer}/oauth/authorize`,
  token_endpoint: `${issuer}/oauth/token`,
  registration_endpoint: `${issuer}/oauth/register`,
  response_types_supported: ["code"],
  code_challenge_methods_supported: ["S256"],
  token_endpoint_auth_methods_supported: ["none", "client_secret_basic"],
  authorization_response_iss_parameter_supported: true,
  client_id_metadata_document_supported: true,
};

describe("metadata document checks", () => {
  it("a complete RFC 8414 document passes", () => {
    expect(checkAuthorizationServerMetadata({ document: goodAs, issuer }).status).toBe("pass");
  });

  it.each([
    ["code_challenge_methods_supported", ["plain"], "S256"],
    ["token_endpoint_auth_methods_supported", ["client_secret_basic"], '"none"'],
    ["authorization_response_iss_parameter_supported", false, "authorization_response_iss_parameter_supported"],
    ["client_id_metadata_document_supported", undefined, "client_id_metadata_document_supported"],
    ["registration_endpoint", undefined, "registration_endpoint"],
    ["issuer", "https://other.example.com", "issuer"],
  ])("%s set to %j fails and names it", (field, value, named) => {
    const check = checkAuthorizationServerMetadata({ document: { ...goodAs, [field]: value }, issuer });
    expect(check.status).toBe("fail");
    expect(check.message).toContain(named);
  });

  it("protected resource metadata must name the endpoint and the issuer", () => {
    const good = { resource, authorization_servers: [issuer], bearer_methods_supported: ["header"] };
    expect(checkResourceMetadata({ document: good, resource, issuer }).status).toBe("pass");
    expect(checkResourceMetadata({ document: { ...good, resource: `${issuer}/mcp` }, resource, issuer }).message).toContain('"resource"');
    expect(checkResourceMetadata({ document: { ...good, authorization_servers: [] }, resource, issuer }).status).toBe("fail");
    expect(checkResourceMetadata({ document: null, resource, issuer }).status).toBe("fail");
  });
});

describe("CORS preflight check", () => {
  const origin = "https://client.example";
  const star = new Headers({ "access-control-allow-origin": "*" });

  it("an endpoint that refuses other origins passes with a note, when the documents allow *", () => {
    const check = checkCorsPreflight({ origin, endpoint: { status: 403, headers: new Headers() }, metadata: [{ name: "protected resource metadata", headers: star }] });
    expect(check.status).toBe("pass");
    expect(check.fix).toContain("DNS rebinding");
  });

  it("an endpoint that allows the origin must allow the headers MCP sends", () => {
    const partial = new Headers({ "access-control-allow-origin": origin, "access-control-allow-methods": "POST", "access-control-allow-headers": "content-type" });
    const check = checkCorsPreflight({ origin, endpoint: { status: 204, headers: partial }, metadata: [] });
    expect(check.status).toBe("fail");
    expect(check.message).toContain("authorization, mcp-protocol-version");
    const full = new Headers({ "access-control-allow-origin": "*", "access-control-allow-methods": "GET, POST", "access-control-allow-headers": "Authorization, Content-Type, MCP-Protocol-Version" });
    expect(checkCorsPreflight({ origin, endpoint: { status: 204, headers: full }, metadata: [] }).status).toBe("pass");
  });

  it("a metadata document without Access-Control-Allow-Origin: * fails", () => {
    const check = checkCorsPreflight({ origin, endpoint: { status: 403, headers: new Headers() }, metadata: [{ name: "authorization server metadata", headers: new Headers() }] });
    expect(check.status).toBe("fail");
    expect(check.message).toContain("authorization server metadata");
  });

  it("a preflight answered with a 5xx fails", () => {
    expect(checkCorsPreflight({ origin, endpoint: { status: 500, headers: new Headers() }, metadata: [] }).status).toBe("fail");
  });
});
