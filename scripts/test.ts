// `npm test`: unit, integration and end-to-end suites in one go, then one line `N passed, N failed`.
// Uses DATABASE_URL and REDIS_URL when set (real services), the embedded defaults otherwise.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { chromiumPath } from "../tests/e2e/chromium-path";

const out = path.resolve(".test-output");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const only = process.argv[2] as "unit" | "integration" | "e2e" | undefined;
const totals = { passed: 0, failed: 0 };
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : "1" };

function run(command: string, args: string[]) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
}

function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (!only) {
  // The production build checks only the app (tsconfig.build.json); this checks tests, scripts and bench too.
  // `npm run typecheck` runs `next typegen` first: route types (PageProps, RouteContext) exist only after it.
  const status = run("npm", ["run", "typecheck"]);
  if (status === 0) totals.passed += 1;
  else totals.failed += 1;
}

if (!only || only === "unit" || only === "integration") {
  const projects = only ? ["--project", only] : [];
  const file = path.join(out, "vitest.json");
  const status = run("npx", ["vitest", "run", ...projects, "--reporter=default", "--reporter=json", `--outputFile=${file}`]);
  const report = readJson(file);
  totals.passed += report?.numPassedTests ?? 0;
  totals.failed += report ? report.numFailedTests + (report.numFailedTestSuites ?? 0) : 1;
  if (status !== 0 && report && report.numFailedTests === 0 && !report.numFailedTestSuites) totals.failed += 1;
}

if (!only || only === "e2e") {
  if (!existsSync(chromiumPath)) {
    console.error(
      `\nChromium was not found at ${chromiumPath}; the end-to-end tests drive Debian's chromium.\n` +
        "Install it with:  sudo apt-get install -y chromium\n" +
        "or point CHROMIUM_PATH at another Chromium binary.",
    );
    totals.failed += 1;
  } else {
    const file = path.join(out, "playwright.json");
    env.PLAYWRIGHT_JSON_OUTPUT_NAME = file;
    const status = run("npx", ["playwright", "test", "--reporter=list,json"]);
    const stats = readJson(file)?.stats;
    totals.passed += stats?.expected ?? 0;
    totals.failed += stats ? stats.unexpected + (stats.flaky ?? 0) : 1;
    if (status !== 0 && stats && stats.unexpected === 0) totals.failed += 1;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
