import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { claimJob, runJobIfDue } from "@/lib/jobs/scheduler";

const job = (overrides: Partial<Parameters<typeof claimJob>[0]> = {}) => ({
  name: `test-${randomUUID()}`,
  everyMs: 60_000,
  run: async () => {},
  ...overrides,
});

describe("scheduled jobs", () => {
  it("run on one instance at a time, even when many claim at once", async () => {
    const shared = job();
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimJob(shared)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("run at most once per interval, and again once it has passed", async () => {
    let runs = 0;
    const counted = job({ run: async () => void runs++ });
    expect(await runJobIfDue(counted)).toBe(true);
    expect(await runJobIfDue(counted)).toBe(false);
    expect(runs).toBe(1);
    expect(await claimJob(counted, new Date(Date.now() + 61_000))).toBe(true);
  });

  it("release the lease when a run fails, so the next interval runs it", async () => {
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const failing = job({ run: async () => Promise.reject(new Error("boom")) });
    expect(await runJobIfDue(failing)).toBe(true);
    expect(warned).toHaveBeenCalledWith(expect.stringContaining(failing.name), expect.any(Error));
    expect(await claimJob(failing, new Date(Date.now() + 61_000))).toBe(true);
  });
});
