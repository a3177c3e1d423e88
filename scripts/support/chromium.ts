// End-to-end tests drive the system's Chromium (Debian package `chromium`);
// Playwright's own browser download can't be had here.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { userInfo } from "node:os";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const INSTALL_COMMAND = "sudo apt-get update && sudo apt-get install -y chromium";

/** Flags for a quiet headless Chromium on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function findChromium(): string | null {
  const override = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (override) return existsSync(override) ? override : null;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/** Finds Chromium, installing Debian's package when we are root with apt-get; otherwise says how. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) {
    throw new Error(`PLAYWRIGHT_CHROMIUM_PATH points at ${process.env.PLAYWRIGHT_CHROMIUM_PATH}, which doesn't exist.`);
  }
  if (userInfo().uid === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("[test] Chromium not found: installing Debian's chromium package…");
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(`End-to-end tests need Chromium, and none was found. Install it with:\n\n  ${INSTALL_COMMAND}\n\nor point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary.`);
}
