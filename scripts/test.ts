// npm test — every test, in order of speed: types and lint (`npm run lint`:
// ESLint, knip), unit and integration (Vitest, real PostgreSQL), then
// end-to-end (Playwright in the system's Chromium against the built portal, a
// real SMTP server), then scale (two standalone servers on one database), then
// faults (SMTP down, SIGKILL, PostgreSQL restarted; the same build). Ends with
// one "N passed, N failed" line over all of them.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
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

let ok = true;
try {
  process.env.PLAYWRIGHT_CHROMIUM_PATH ??= ensureChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

ok = run("typecheck", bin("tsc"), ["--noEmit", "-p", "."]) && ok;
if (!ok) totals.failed += 1;

// The same command as `npm run lint` (package.json holds it once): ESLint with no warnings allowed, then knip.
const lintOk = run("lint (ESLint, knip)", "npm", ["run", "--silent", "lint"]);
if (!lintOk) totals.failed += 1;
ok = lintOk && ok;

const vitestReport = path.join(RESULTS, "vitest.json");
ok = run("unit and integration tests (Vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]) && ok;
try {
  countVitest(vitestReport);
} catch {
  totals.failed += 1; // Vitest crashed before reporting
}

const playwrightReport = path.join(RESULTS, "playwright.json");
ok = run("end-to-end tests (Playwright)", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }) && ok;
try {
  countPlaywright(playwrightReport);
} catch {
  totals.failed += 1;
}

const scaleReport = path.join(RESULTS, "vitest-scale.json");
ok = run("two instances on one database (Vitest, tests/scale)", bin("vitest"), ["run", "--config", "vitest.scale.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${scaleReport}`]) && ok;
try {
  countVitest(scaleReport);
} catch {
  totals.failed += 1;
}

// After scale: the standalone build in .next-scale is already up to date.
const faultsReport = path.join(RESULTS, "vitest-faults.json");
ok = run("faults: SMTP down, SIGKILL, PostgreSQL restart (Vitest, tests/faults)", bin("vitest"), ["run", "--config", "vitest.faults.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${faultsReport}`]) && ok;
try {
  countVitest(faultsReport);
} catch {
  totals.failed += 1;
}

console.log(`\nAll tests finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
