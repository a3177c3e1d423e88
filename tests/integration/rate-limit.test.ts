import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/security/rate-limit";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { RateLimitedError } from "@/lib/errors";
import { createPartner, TEST_PASSWORD } from "../support/factories";

const policy = { name: `test-${randomUUID()}`, limit: 3, windowSeconds: 60 };

describe("rate limits in Postgres", () => {
  it("allows the limit, then refuses with the time left in the window", async () => {
    for (let i = 0; i < 3; i++) await consumeRateLimit(policy, "subject-a");
    const error = await consumeRateLimit(policy, "subject-a").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((error as RateLimitedError).message).toMatch(/Try again in \d+ (seconds|minute)/);
    await expect(consumeRateLimit(policy, "subject-b")).resolves.toBeUndefined();
  });

  it("counts concurrent attempts exactly", async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => consumeRateLimit(policy, "burst")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
  });

  it("starts a new window once the old one is over", async () => {
    for (let i = 0; i < 3; i++) await consumeRateLimit(policy, "subject-c");
    await db.rateLimitBucket.update({
      where: { key: `${policy.name}:subject-c` },
      data: { windowStart: new Date(Date.now() - 61_000) },
    });
    await expect(consumeRateLimit(policy, "subject-c")).resolves.toBeUndefined();
  });

  it("stops password guessing against one account, even with the right password", async () => {
    const { admin } = await createPartner();
    const meta = { ip: null, userAgent: "vitest" };
    // Whichever comes first, the account lock or the per-account limit, stops the guessing.
    let refusal: unknown = null;
    for (let i = 0; i <= RATE_LIMITS.signInPerAccount.limit && !refusal; i++) {
      refusal = await signInWithPassword(admin.email, `wrong guess ${i}`, meta).then(
        (result) => (expect(result).toBeNull(), null),
        (error: unknown) => error,
      );
    }
    expect(refusal).toBeInstanceOf(RateLimitedError);
    await expect(signInWithPassword(admin.email, TEST_PASSWORD, meta)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
