// Starting apps for "Create from template". Each is a finished prompt and input form; a template that needs tools
// names the kind of MCP server it was written for, and the person picks one of theirs (or none, and adds it later).
import type { AppConfig, AppType } from "./app-config";

export interface AppTemplate {
  id: string;
  type: AppType;
  name: string;
  icon: string;
  iconBackground: string;
  description: string;
  /** The kind of MCP server the prompt expects, in words a person can match against their servers. */
  server: { kind: string; examples: string } | null;
  config: Pick<AppConfig, "instructions" | "variables" | "openingStatement" | "maxToolRounds">;
}

const variable = (v: Partial<AppConfig["variables"][number]> & Pick<AppConfig["variables"][number], "key" | "label" | "type">) => ({
  required: false,
  description: "",
  default: null,
  options: [],
  maxLength: null,
  min: null,
  max: null,
  jsonSchema: null,
  ...v,
});

export const appTemplates: AppTemplate[] = [
  {
    id: "research-agent",
    type: "agent",
    name: "Research agent",
    icon: "🔎",
    iconBackground: "#E0F2FE",
    description: "Searches the web, reads the best sources and answers with citations.",
    server: { kind: "a web search server", examples: "Brave Search, Exa, Tavily or your own search MCP server" },
    config: {
      instructions: [
        "You are a careful research assistant. Answer the question using the search tools, never from memory alone.",
        "",
        "How to work:",
        "1. Search with two or three different phrasings; prefer primary sources and recent pages.",
        "2. Read the most promising results before you answer.",
        "3. Give a {{depth}} answer. Cite every claim with the source's title and URL, like [Title](url).",
        "4. If sources disagree or nothing reliable turns up, say so plainly instead of guessing.",
      ].join("\n"),
      variables: [
        variable({ key: "depth", label: "Depth", type: "select", required: true, options: ["short", "detailed"], default: "short", description: "How long the answer should be." }),
      ],
      openingStatement: "What should I look into? I search, read the sources and answer with citations.",
      maxToolRounds: 8,
    },
  },
  {
    id: "support-agent",
    type: "agent",
    name: "Support agent",
    icon: "📚",
    iconBackground: "#DCFCE7",
    description: "Answers customer questions from your product documentation.",
    server: { kind: "a documentation server", examples: "your docs site's MCP server, Context7, Mintlify or GitBook" },
    config: {
      instructions: [
        "You are the support agent for {{product}}. Customers ask how to do things and why something does not work.",
        "",
        "- Look the answer up in the documentation tools before replying; quote the steps and link the page you used.",
        "- Keep a {{tone}} tone. Use numbered steps for procedures.",
        "- If the documentation does not cover it, say so and suggest contacting a human at the support address.",
        "- Never invent settings, prices or features.",
      ].join("\n"),
      variables: [
        variable({ key: "product", label: "Product name", type: "text", required: true, maxLength: 100, description: "What the customer is asking about." }),
        variable({ key: "tone", label: "Tone", type: "select", required: true, options: ["friendly", "formal", "concise"], default: "friendly" }),
      ],
      openingStatement: "Hi! Ask me anything about the product and I'll find the answer in the docs.",
      maxToolRounds: 6,
    },
  },
  {
    id: "release-notes",
    type: "completion",
    name: "Release notes writer",
    icon: "📝",
    iconBackground: "#FEF3C7",
    description: "Turns a JSON list of changes into release notes; publish it so your CI can call it over MCP.",
    server: null,
    config: {
      instructions: [
        "Write the release notes of the release below for {{audience}}; its version is in the JSON.",
        "",
        "The changes, as JSON:",
        "{{release}}",
        "",
        "Group them under Features, Fixes and Other, in that order, skipping empty groups. One line per change in plain",
        "language a {{audience}} reader understands; no internal ticket numbers. Start with a one-sentence summary.",
      ].join("\n"),
      variables: [
        variable({
          key: "release",
          label: "Release",
          type: "json",
          required: true,
          description: "The version and its changes.",
          jsonSchema: {
            type: "object",
            required: ["version", "changes"],
            properties: {
              version: { type: "string", description: "For example 2.4.0" },
              changes: {
                type: "array",
                items: {
                  type: "object",
                  required: ["title", "kind"],
                  properties: { title: { type: "string" }, kind: { type: "string", enum: ["feature", "fix", "other"] } },
                },
              },
            },
          },
        }),
        variable({ key: "audience", label: "Audience", type: "select", required: true, options: ["customers", "developers"], default: "customers" }),
      ],
      openingStatement: "",
      maxToolRounds: 5,
    },
  },
];
