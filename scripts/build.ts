// npm run build: `next build` (into NEXT_DIST_DIR, default .next), then the
// standalone server made whole. Next writes <distDir>/standalone/server.js
// with only the files it needs but leaves out the browser assets (meant for a
// CDN); Next's docs say to copy them beside it, which this does:
//   <distDir>/static → <distDir>/standalone/<distDir>/static
//   public/          → <distDir>/standalone/public   (when the project has one)
// Then `node <distDir>/standalone/server.js` serves the whole portal (PORT,
// HOSTNAME; docs/deploy.md). `next start` keeps working on the same build.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT = path.join(ROOT, "node_modules/.bin/next");
/** What a build is made of: a newer file here means the build is stale. */
const SOURCES = ["app", "components", "lib", "emails", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];

/** The standalone server's folder for a build folder (relative to the project, like NEXT_DIST_DIR). */
export function standaloneDir(distDir = ".next") {
  return path.join(ROOT, distDir, "standalone");
}

/** Copies the browser assets into the standalone folder, where server.js serves them from. */
export function completeStandalone(distDir = ".next") {
  const standalone = standaloneDir(distDir);
  if (!existsSync(path.join(standalone, "server.js"))) {
    throw new Error(`${path.relative(ROOT, standalone)}/server.js is missing: is output: "standalone" set in next.config.ts?`);
  }
  const staticTarget = path.join(standalone, distDir, "static");
  rmSync(staticTarget, { recursive: true, force: true });
  cpSync(path.join(ROOT, distDir, "static"), staticTarget, { recursive: true });
  const publicDir = path.join(ROOT, "public");
  if (existsSync(publicDir)) cpSync(publicDir, path.join(standalone, "public"), { recursive: true });
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** True when there is no complete standalone build in distDir, or a source changed since it. */
export function standaloneIsStale(distDir = ".next") {
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  const copiedStatic = path.join(standaloneDir(distDir), distDir, "static");
  if (!existsSync(buildId) || !existsSync(path.join(standaloneDir(distDir), "server.js")) || !existsSync(copiedStatic)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > builtAt);
}

/** `next build` into distDir, then completeStandalone. Throws if the build fails. */
export function buildStandalone(distDir = ".next", env: NodeJS.ProcessEnv = process.env, stdio: "inherit" | "ignore" = "inherit") {
  const build = spawnSync(NEXT, ["build"], {
    cwd: ROOT,
    stdio: ["ignore", stdio, "inherit"],
    env: { ...env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  completeStandalone(distDir);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  try {
    buildStandalone(distDir);
    console.log(`Standalone server: node ${path.join(distDir, "standalone/server.js")}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
