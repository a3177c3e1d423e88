// npm test — every test, in order of speed: types and lint (`npm run lint`:
// ESLint, knip), unit and integration (Vitest, real PostgreSQL), then
// end-to-end (Playwright in the system's Chromium against the built portal, a
// real SMTP server), then scale (two standalone servers on one database), then
// faults (SMTP down, SIGKILL, PostgreSQL restarted; the same build). Ends with
// one "N passed, N failed" line over all of them.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./support/app-database.ts";
import { ensureChromium } from "./support/chromium.ts";

const RESULTS = path.join(ROOT, "test-results");
mkdirSync(RESULTS, { recursive: true });
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function run(label: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n── ${label} ──`);
  const t0 = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`── ${label}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return result.status === 0;
}

function countVitest(file: string) {
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string) {
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

try {
  process.env.PLAYWRIGHT_CHROMIUM_PATH ??= ensureChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// One step of the run. A step with a JSON report adds that report's counts to
// the totals; a step that fails without a failed test in its report (none,
// a crash before writing it, an error outside any test) counts one failure.
type Step = {
  label: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  report?: { file: string; count: (file: string) => void };
};

function vitest(label: string, reportName: string, configArgs: string[] = []): Step {
  const file = path.join(RESULTS, `${reportName}.json`);
  return {
    label,
    command: bin("vitest"),
    args: ["run", ...configArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`],
    report: { file, count: countVitest },
  };
}

const playwrightReport = path.join(RESULTS, "playwright.json");
const steps: Step[] = [
  { label: "typecheck", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  // The same command as `npm run lint` (package.json holds it once): ESLint with no warnings allowed, then knip.
  { label: "lint (ESLint, knip)", command: "npm", args: ["run", "--silent", "lint"] },
  vitest("unit and integration tests (Vitest)", "vitest"),
  {
    label: "end-to-end tests (Playwright)",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
    report: { file: playwrightReport, count: countPlaywright },
  },
  vitest("two instances on one database (Vitest, tests/scale)", "vitest-scale", ["--config", "vitest.scale.config.ts"]),
  // After scale: the standalone build in .next-scale is already up to date.
  vitest("faults: SMTP down, SIGKILL, PostgreSQL restart (Vitest, tests/faults)", "vitest-faults", ["--config", "vitest.faults.config.ts"]),
];

let ok = true;
for (const step of steps) {
  // A report left by an earlier run must not stand in for this one's.
  if (step.report) rmSync(step.report.file, { force: true });
  const passed = run(step.label, step.command, step.args, step.env);
  ok = passed && ok;
  const failedBefore = totals.failed;
  try {
    step.report?.count(step.report.file);
  } catch {
    // the runner crashed before reporting: counted below
  }
  // A failed step counts at least one failure, so the last line never says "0 failed" for a red run
  // (no report, a crash before reporting, or an error outside any test such as a failed setup).
  if (!passed && totals.failed === failedBefore) totals.failed += 1;
}

console.log(`\nAll tests finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
