import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { consumeRateLimit, pruneRateLimitBuckets, RATE_LIMITS } from "@/lib/security/rate-limit";
import { SCHEDULED_JOBS } from "@/lib/jobs/registry";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AccountLockedError } from "@/lib/auth/lockout";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import { installConnectionAddressStamp } from "@/lib/security/client-address";
import { resetEnvCacheForTests } from "@/lib/env";
import { RateLimitedError, ValidationError } from "@/lib/errors";
import { activateAccount } from "@/lib/auth/activation";
import { inviteTeamMember } from "@/lib/team/invite";
import { InviteUserInput } from "@/lib/team/schemas";
import { createPartner, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { latestLinkToken } from "../support/outbox";

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

  it("prunes buckets whose window is over, and keeps live ones", async () => {
    for (const subject of ["old-one", "live-one"]) await consumeRateLimit(policy, subject);
    await db.rateLimitBucket.update({
      where: { key: `${policy.name}:old-one` },
      data: { windowStart: new Date(Date.now() - 2 * 24 * 3600_000) },
    });
    expect(await pruneRateLimitBuckets()).toBeGreaterThanOrEqual(1);
    const left = await db.rateLimitBucket.findMany({ where: { key: { startsWith: policy.name } }, select: { key: true } });
    expect(left.map((b) => b.key)).not.toContain(`${policy.name}:old-one`);
    expect(left.map((b) => b.key)).toContain(`${policy.name}:live-one`);
    expect(SCHEDULED_JOBS.map((job) => job.name)).toContain("security.prune-rate-limit-buckets");
  });

  it("limits failed sign-ins per client address, whichever accounts they aim at", async () => {
    const { admin } = await createPartner();
    const attacker = { ip: "198.51.100.66", userAgent: "vitest" };
    // Each guess at a different login, so no account lock or unknown-login wait gets in first.
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit; i++) {
      expect(await signInWithPassword(uniqueEmail(`spray${i}`), "wrong password here", attacker)).toBeNull();
    }
    const refused = await signInWithPassword(admin.email, TEST_PASSWORD, attacker).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused).not.toBeInstanceOf(AccountLockedError);
    // Someone else, elsewhere, signs in as usual.
    expect(await signInWithPassword(admin.email, TEST_PASSWORD, { ip: "198.51.100.67", userAgent: "vitest" })).not.toBeNull();
  });

  it("counts an IPv6 client by its /64 network, so rotating addresses within it gives no extra guesses", async () => {
    const { admin } = await createPartner();
    const prefix = `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
    // One host owns the whole /64: every guess from a fresh address in it.
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit; i++) {
      const from = { ip: `${prefix}:${(i + 1).toString(16)}:0:0:1`, userAgent: "vitest" };
      expect(await signInWithPassword(uniqueEmail(`v6spray${i}`), "wrong password here", from)).toBeNull();
    }
    const refused = await signInWithPassword(admin.email, TEST_PASSWORD, { ip: `${prefix}::abcd`, userAgent: "vitest" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    // Another network is not affected.
    expect(await signInWithPassword(admin.email, TEST_PASSWORD, { ip: "2001:db8:ffff:1::1", userAgent: "vitest" })).not.toBeNull();
  });

  it("gives an attacker no extra guesses for signing in to their own account in between", async () => {
    const { admin: own } = await createPartner();
    const attacker = { ip: "198.51.100.68", userAgent: "vitest" };
    let guesses = 0;
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit + 10; i++) {
      const guess = await signInWithPassword(uniqueEmail(`alternate${i}`), "wrong password here", attacker).catch((e: unknown) => e);
      if (guess instanceof RateLimitedError) break;
      expect(guess).toBeNull();
      guesses++;
      // The success gives back only its own attempt, never one of the guesses.
      const success = await signInWithPassword(own.email, TEST_PASSWORD, attacker).catch((e: unknown) => e);
      if (success instanceof RateLimitedError) break;
    }
    expect(guesses).toBeLessThanOrEqual(RATE_LIMITS.signInPerIp.limit);
  });

  it("limits guesses at activation links per client address, and then refuses even a real link from there", async () => {
    const { caller } = await createPartner();
    const invitee = await inviteTeamMember(caller, InviteUserInput.parse({ firstName: "Ivy", lastName: "Invitee", email: uniqueEmail("ivy"), role: "sales" }));
    const token = await latestLinkToken(invitee.email, "activation");
    const guesser = { ip: "198.51.100.90", userAgent: "vitest" };
    // Each guess a different made-up link: no account is involved, so only the per-address limit can stop them.
    for (let i = 0; i < RATE_LIMITS.tokenPagePerIp.limit; i++) {
      const guess = await activateAccount(`guess-${i}-${randomUUID()}`, "a perfectly good passphrase", guesser).then(() => null, (e: unknown) => e);
      expect(guess).toBeInstanceOf(ValidationError);
    }
    const refused = await activateAccount(token, "a perfectly good passphrase", guesser).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((await db.user.findUniqueOrThrow({ where: { id: invitee.id } })).status).toBe("INVITED");
    // The invitee, from their own address, activates as usual.
    await activateAccount(token, "a perfectly good passphrase", { ip: "198.51.100.91", userAgent: "vitest" });
    expect((await db.user.findUniqueOrThrow({ where: { id: invitee.id } })).status).toBe("ACTIVE");
  });

  it("never refuses an owner who signs in successfully, again and again, from one address", async () => {
    const { admin } = await createPartner();
    const office = { ip: "198.51.100.80", userAgent: "vitest" };
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit + 5; i++) {
      expect(await signInWithPassword(admin.email, TEST_PASSWORD, office)).not.toBeNull();
    }
  });
});

// A real HTTP server with the same connection-address stamp as the Next.js server
// (instrumentation.ts), whose handler does what the forgot-password action does:
// requestMetaFrom(request headers) → requestPasswordReset.
async function forgotPasswordServer() {
  installConnectionAddressStamp();
  const server = http.createServer((request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
    requestPasswordReset(uniqueEmail("forgot"), requestMetaFrom(headers)).then(
      () => response.writeHead(200).end(),
      (error: unknown) => response.writeHead(error instanceof RateLimitedError ? 429 : 500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    post: (forwardedFor: string) =>
      fetch(`http://127.0.0.1:${port}/forgot-password`, { method: "POST", headers: { "x-forwarded-for": forwardedFor } }).then(
        (response) => response.status,
      ),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe("the client address for per-IP limits", () => {
  const saved = process.env.TRUST_PROXY_HOPS;
  beforeEach(async () => {
    await db.rateLimitBucket.deleteMany({ where: { key: { startsWith: "forgot:ip:" } } });
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUST_PROXY_HOPS;
    else process.env.TRUST_PROXY_HOPS = saved;
    resetEnvCacheForTests();
  });

  it("ignores X-Forwarded-For when no proxy is trusted: 40 forged addresses from one client are limited", async () => {
    delete process.env.TRUST_PROXY_HOPS;
    resetEnvCacheForTests();
    const server = await forgotPasswordServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push(await server.post(`203.0.113.${i + 1}`));
      expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMITS.forgotPasswordPerIp.limit);
      expect(statuses.filter((s) => s === 429)).toHaveLength(40 - RATE_LIMITS.forgotPasswordPerIp.limit);
    } finally {
      await server.close();
    }
  });

  it("counts each client separately behind one trusted proxy (TRUST_PROXY_HOPS=1)", async () => {
    process.env.TRUST_PROXY_HOPS = "1";
    resetEnvCacheForTests();
    const server = await forgotPasswordServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push(await server.post(`6.6.6.6, 203.0.113.${i + 1}`));
      expect(statuses.every((s) => s === 200)).toBe(true);
      // One client behind the proxy is still limited, whatever it puts in front of the proxy's entry.
      const one: number[] = [];
      for (let i = 0; i < 12; i++) one.push(await server.post(`10.66.0.${i}, 203.0.113.200`));
      expect(one.filter((s) => s === 429)).toHaveLength(12 - RATE_LIMITS.forgotPasswordPerIp.limit);
    } finally {
      await server.close();
    }
  });
});
