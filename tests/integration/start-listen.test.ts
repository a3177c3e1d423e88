import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, inject, it } from "vitest";
import { databaseUrl, dropDatabase, freePort } from "../../scripts/support/postgres.ts";
import { cloneTemplate } from "../support/test-database.ts";

// `npm run dev` for real (scripts/start.ts --dev, which passes Next the same
// host as `npm start` does, without a build) on a database of its own, then a
// look at the kernel's table of listening sockets. No traffic is sent at all.

const ROOT = path.resolve(import.meta.dirname, "../..");
const server = inject("testDatabase");
const databaseName = `${server.templateName}_start_${process.pid}`;
const distDir = `.next-test-start-${process.pid}`;
let child: ChildProcess | undefined;

afterAll(async () => {
  await stopGroup(child);
  rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  await dropDatabase(server.serverUrl, databaseName).catch(() => {});
}, 30_000);

type Listener = { address: string; inode: string };

/** Listening TCP sockets on `port`, from /proc/net/tcp and tcp6 (addresses as the kernel writes them). */
function listenersOn(port: number): Listener[] {
  const found: Listener[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const [address, portHex] = fields[1].split(":");
      if (fields[3] === "0A" && Number.parseInt(portHex, 16) === port) found.push({ address, inode: fields[9] });
    }
  }
  return found;
}

/** Socket inodes held open by the process group `pgid` (start.ts and the Next processes it started). */
function socketsOfGroup(pgid: number): Set<string> {
  const inodes = new Set<string>();
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (group !== pgid) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = target.match(/^socket:\[(\d+)\]$/)?.[1];
        if (inode) inodes.add(inode);
      }
    } catch {
      // the process ended while we looked
    }
  }
  return inodes;
}

async function stopGroup(process_: ChildProcess | undefined) {
  if (!process_?.pid || process_.exitCode !== null || process_.signalCode !== null) return;
  const exited = new Promise((resolve) => process_.once("exit", resolve));
  try {
    process.kill(-process_.pid, "SIGTERM");
  } catch {
    return;
  }
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) process.kill(-process_.pid, "SIGKILL");
}

describe("npm start / npm run dev", () => {
  it("listens on 127.0.0.1 only when HOST is not set", async () => {
    await cloneTemplate(server, databaseName);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl(server.serverUrl, databaseName),
      PORT: String(port),
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "start-listen-test-secret-0123456789abcdef",
    };
    for (const name of ["HOST", "SMTP_URL", "DEV_MAILBOX", "APP_URL", "NODE_ENV"]) delete env[name];
    let output = "";
    child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts", "--dev"], {
      cwd: ROOT,
      env,
      detached: true, // its own process group, so the test stops everything it started
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

    let listeners: Listener[] = [];
    const deadline = Date.now() + 50_000;
    while (Date.now() < deadline && child.exitCode === null) {
      listeners = listenersOn(port);
      if (listeners.length) break;
      await sleep(200);
    }
    expect(listeners.length, `nothing listened on port ${port}:\n${output}`).toBeGreaterThan(0);
    // Give a second listener (say IPv6) the chance to appear before judging.
    await sleep(1000);
    listeners = listenersOn(port);

    const ours = socketsOfGroup(child.pid!);
    expect(listeners.every((listener) => ours.has(listener.inode)), "the listening socket belongs to the started server").toBe(true);
    // 0100007F is 127.0.0.1 in /proc/net/tcp; 0.0.0.0 or :: would be all zeros.
    expect(listeners.map((listener) => listener.address)).toEqual(["0100007F"]);
  }, 60_000);
});
