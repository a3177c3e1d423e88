// /api/v1 through the exported route handlers (decision 0018): keys,
// status codes, problem documents, idempotency, rate limit, audit, and every
// response checked against the generated OpenAPI document.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiKey, hashApiKey, insertApiKey } from "@/lib/api-keys/keys";
import { API_KEY_RATE_LIMIT } from "@/lib/api-keys/authenticate";
import { OPERATIONS } from "@/lib/operations/registry";
import { runOperation } from "@/lib/operations/run";
import { inviteUser, getMember } from "@/lib/team/operations";
import { createKey, revokeKey } from "@/lib/api-keys/operations";
import { listApiKeys } from "@/lib/api-keys/keys";
import { pruneIdempotencyRecords } from "@/lib/operations/idempotency";
import { SCHEDULED_JOBS } from "@/lib/jobs/registry";
import { partnerSlug } from "@/lib/api-keys/slug";
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import * as users from "@/app/api/v1/users/route";
import * as user from "@/app/api/v1/users/[id]/route";
import * as restore from "@/app/api/v1/users/[id]/restore/route";
import * as deleted from "@/app/api/v1/users/deleted/route";
import * as me from "@/app/api/v1/me/route";
import * as products from "@/app/api/v1/products/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as docsPage from "@/app/api/docs/route";
import * as scalarBundle from "@/app/api/docs/scalar.js/route";
import { callerFor, createPartner, createPartnerUser, uniqueEmail } from "../support/factories";

import { checked, contract, doc, params, request } from "../support/api";

async function partnerWithKey(permissions = ["users.view", "users.manage", "settings.manage"], name = "CRM sync") {
  const setup = await createPartner();
  const created = await createApiKey(setup.caller, { name, permissions: permissions as never, expiresOn: undefined });
  return { ...setup, key: created.key, keyId: created.id };
}

afterAll(() => {
  // The contract covered the codes the issue lists.
  for (const code of ["200", "201", "204", "400", "401", "403", "404", "409", "413", "422", "429"]) {
    expect(checked.some((entry) => entry.endsWith(` ${code}`)), `a ${code} was checked`).toBe(true);
  }
});

describe("operations core", () => {
  it("authorizes before parsing: nobody → 401, a member without the permission → 403, a malformed input → every field error", async () => {
    const { partner, caller } = await createPartner();
    await expect(runOperation(inviteUser, {}, null)).rejects.toBeInstanceOf(UnauthenticatedError);
    const viewer = callerFor(await createPartnerUser(partner.id, { role: "read_only" }), partner.name);
    await expect(runOperation(inviteUser, { bogus: 1 }, viewer)).rejects.toBeInstanceOf(ForbiddenError);
    const failure = await runOperation(inviteUser, { firstName: "", email: "nope" }, caller).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ValidationError);
    expect(Object.keys((failure as ValidationError).fieldErrors).sort()).toEqual(["email", "firstName", "lastName", "permissions"]);
    // Another tenant's id is "not found".
    const other = await createPartner();
    await expect(runOperation(getMember, { userId: other.admin.id }, caller)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("every registered operation: nobody → 401, the wrong kind of account → 404, a partner member without its permission → 403, before any input is read", async () => {
    const { caller } = await createPartner();
    const staff = { ...caller, kind: "STAFF" as const, partnerId: null, permissions: [] };
    const apiKeyCaller = { ...caller, apiKeyId: caller.userId, apiKeyName: "k" };
    for (const op of OPERATIONS) {
      const access = op.access as Record<string, unknown>;
      if ("public" in access) continue;
      await expect(runOperation(op as never, {}, null), op.name).rejects.toBeInstanceOf(UnauthenticatedError);
      if ("partner" in access) {
        await expect(runOperation(op as never, {}, staff), op.name).rejects.toBeInstanceOf(NotFoundError);
        if (access.partner) {
          const without = { ...caller, permissions: caller.permissions.filter((p) => p !== access.partner) };
          await expect(runOperation(op as never, { bogus: true }, without), op.name).rejects.toBeInstanceOf(ForbiddenError);
        }
      } else {
        // Staff and own-account operations are never open to API keys.
        await expect(runOperation(op as never, {}, apiKeyCaller), op.name).rejects.toBeInstanceOf(NotFoundError);
      }
    }
  });

  it("registry: unique names; every partner op with an API binding is exported by its route file", () => {
    expect(new Set(OPERATIONS.map((op) => op.name)).size).toBe(OPERATIONS.length);
    const routes = [users.GET, users.POST, user.GET, user.PATCH, user.DELETE, restore.POST, deleted.GET, me.GET, products.GET];
    for (const route of routes) expect(doc.paths[route.operation.http!.path as keyof typeof doc.paths]).toBeDefined();
  });
});

describe("/api/v1 authentication", () => {
  it("401 without a key, with a wrong one, revoked, expired, or for a suspended partner", async () => {
    const { key, keyId, partner, caller } = await partnerWithKey();
    for (const bad of [null, "pp_live_" + "x".repeat(32), key.slice(0, -1) + (key.endsWith("a") ? "b" : "a")]) {
      const response = await users.GET(request("GET", "/users", bad));
      expect(response.status).toBe(401);
      await contract("/users", "GET", response);
    }
    const expired = await insertApiKey(caller, { partnerId: partner.id, name: "old", permissions: ["users.view"], expiresAt: new Date(Date.now() - 1000), createdById: null });
    expect((await users.GET(request("GET", "/users", expired.key))).status).toBe(401);
    expect((await users.GET(request("GET", "/users", key))).status).toBe(200);
    await db.partner.update({ where: { id: partner.id }, data: { status: "SUSPENDED" } });
    expect((await users.GET(request("GET", "/users", key))).status).toBe(401);
    await db.partner.update({ where: { id: partner.id }, data: { status: "ACTIVE" } });
    await db.apiKey.update({ where: { id: keyId }, data: { revokedAt: new Date() } });
    expect((await users.GET(request("GET", "/users", key))).status).toBe(401);
  });

  it("403 when the key lacks the permission; GET /me tells the key's partner and permissions", async () => {
    const { key, partner } = await partnerWithKey(["users.view"]);
    const refused = await users.POST(request("POST", "/users", key, { firstName: "A", lastName: "B", email: uniqueEmail(), permissions: ["users.view"] }));
    expect(refused.status).toBe(403);
    await contract("/users", "POST", refused);
    const mine = await me.GET(request("GET", "/me", key));
    expect(await mine.clone().json()).toMatchObject({ partner: { id: partner.id }, permissions: ["users.view"] });
    await contract("/me", "GET", mine);
    const catalog = await products.GET(request("GET", "/products", key));
    await contract("/products", "GET", catalog);
  });

  it("429 with Retry-After once the key's rate limit is used up", async () => {
    const { key, keyId } = await partnerWithKey();
    await db.rateLimitBucket.create({ data: { key: `${API_KEY_RATE_LIMIT.name}:${keyId}`, count: API_KEY_RATE_LIMIT.limit, windowStart: new Date() } });
    const response = await users.GET(request("GET", "/users", key));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    await contract("/users", "GET", response);
  });
});

describe("/api/v1/users", () => {
  it("invites (201), lists, reads, patches, deletes (204), lists deleted and restores; each call audited with the key's name", async () => {
    const { key, keyId, partner } = await partnerWithKey(undefined, "Zapier bridge");
    const email = uniqueEmail("api");
    const created = await users.POST(request("POST", "/users", key, { firstName: "Api", lastName: "Invitee", email, permissions: ["users.view"] }));
    expect(created.status, await created.clone().text()).toBe(201);
    await contract("/users", "POST", created);
    const { id } = (await created.json()) as { id: string };

    const list = await users.GET(request("GET", `/users?status=invited&limit=1`, key));
    await contract("/users", "GET", list);
    expect(((await list.json()) as { data: { id: string }[] }).data.map((u) => u.id)).toEqual([id]);

    const one = await user.GET(request("GET", `/users/${id}`, key), params(id));
    await contract("/users/{id}", "GET", one);
    const patched = await user.PATCH(request("PATCH", `/users/${id}`, key, { firstName: "Patched" }), params(id));
    await contract("/users/{id}", "PATCH", patched);
    expect(await patched.json()).toMatchObject({ firstName: "Patched", lastName: "Invitee", permissions: ["users.view"] });

    const gone = await user.DELETE(request("DELETE", `/users/${id}`, key), params(id));
    expect(gone.status).toBe(204);
    await contract("/users/{id}", "DELETE", gone);
    const bin = await deleted.GET(request("GET", "/users/deleted", key));
    await contract("/users/deleted", "GET", bin);
    const back = await restore.POST(request("POST", `/users/${id}/restore`, key, {}), params(id));
    await contract("/users/{id}/restore", "POST", back);
    expect(back.status).toBe(200);

    const events = await db.auditEvent.findMany({ where: { partnerId: partner.id, targetId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.invited", "user.updated", "user.deleted", "user.restored"]);
    for (const event of events) expect(event).toMatchObject({ actorApiKeyId: keyId, actorLabel: "Zapier bridge", actorId: null });
  });

  it("404 for another tenant's user; 400 malformed JSON; 413 over 1 MB; 422 unknown field and field errors; 409 email in use", async () => {
    const { key, admin } = await partnerWithKey();
    const other = await createPartner();
    const foreign = await user.GET(request("GET", `/users/${other.admin.id}`, key), params(other.admin.id));
    expect(foreign.status).toBe(404);
    await contract("/users/{id}", "GET", foreign);
    expect((await user.PATCH(request("PATCH", `/users/${other.admin.id}`, key, { firstName: "X" }), params(other.admin.id))).status).toBe(404);

    const malformed = await users.POST(request("POST", "/users", key, "{not json"));
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");
    await contract("/users", "POST", malformed);

    const huge = await users.POST(request("POST", "/users", key, JSON.stringify({ firstName: "x".repeat(2 * 1024 * 1024) })));
    expect(huge.status).toBe(413);
    await contract("/users", "POST", huge);

    const unknown = await users.POST(request("POST", "/users", key, { firstName: "A", lastName: "B", email: uniqueEmail(), permissions: ["users.view"], isAdmin: true }));
    expect(unknown.status).toBe(422);
    expect((await unknown.clone().json()).errors).toEqual([{ path: "isAdmin", message: "Unknown field." }]);
    await contract("/users", "POST", unknown);

    const invalid = await users.POST(request("POST", "/users", key, { firstName: "", email: "nope", permissions: ["users.view", "root"] }));
    expect(invalid.status).toBe(422);
    const paths = ((await invalid.clone().json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["firstName", "lastName", "email", "permissions.1"]));
    await contract("/users", "POST", invalid);

    const taken = await users.POST(request("POST", "/users", key, { firstName: "A", lastName: "B", email: admin.email, permissions: ["users.view"] }));
    expect(taken.status).toBe(409);
    expect(await taken.clone().json()).toMatchObject({ detail: expect.stringContaining("already belongs"), errors: [{ path: "email" }] });
    await contract("/users", "POST", taken);
  });

  it("Idempotency-Key: the same key and body answer the first response and invite once; another body is a 422", async () => {
    const { key, partner } = await partnerWithKey();
    const body = { firstName: "Idem", lastName: "Potent", email: uniqueEmail("idem"), permissions: ["users.view"] };
    const first = await users.POST(request("POST", "/users", key, body, { "idempotency-key": "order-42" }));
    const again = await users.POST(request("POST", "/users", key, { ...body }, { "idempotency-key": "order-42" }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    expect(await db.user.count({ where: { partnerId: partner.id, emailNormalized: body.email } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: body.email } })).toBe(1);
    const other = await users.POST(request("POST", "/users", key, { ...body, firstName: "Else" }, { "idempotency-key": "order-42" }));
    expect(other.status).toBe(422);
    await contract("/users", "POST", other);
    // After 24 hours the record is pruned (a scheduled job) and the key is free again.
    expect(SCHEDULED_JOBS.map((job) => job.name)).toContain("api.prune-idempotency-records");
    await db.idempotencyRecord.updateMany({ where: { key: "order-42" }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    expect(await pruneIdempotencyRecords()).toBeGreaterThanOrEqual(1);
    expect(await db.idempotencyRecord.count({ where: { key: "order-42" } })).toBe(0);
  });
});

describe("npm run apikey", () => {
  it("prints only the new key, which works; --list prints one partner a line, slug first", async () => {
    const { partner } = await createPartner(`Cli Partner ${Date.now()}`);
    // As README runs it: a shell with no AUTH_SECRET (npm start keeps its own in .data/).
    const { AUTH_SECRET: _secret, ...shell } = process.env;
    const run = (args: string[]) =>
      spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/apikey.ts", ...args], {
        env: { ...shell, DATABASE_URL: process.env.DATABASE_URL },
        encoding: "utf8",
        timeout: 60_000,
      });
    const created = run(["--partner", partnerSlug(partner.name), "--name", "cli key", "--permissions", "users.view"]);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^pp_live_[A-Za-z0-9_-]{32}\n$/);
    const key = created.stdout.trim();
    const row = await db.apiKey.findFirstOrThrow({ where: { partnerId: partner.id, name: "cli key" } });
    expect(row.keyHash).toBe(hashApiKey(key));
    expect(row.permissions).toEqual(["users.view"]);
    expect((await users.GET(request("GET", "/users", key))).status).toBe(200);

    const listed = run(["--list"]);
    expect(listed.status, listed.stderr).toBe(0);
    const line = listed.stdout.split("\n").find((l) => l.includes(partner.id));
    expect(line?.split("\t")[0]).toBe(partnerSlug(partner.name));
  }, 120_000);
});

describe("Settings → API keys (apiKeys.create, apiKeys.revoke)", () => {
  it("returns the secret once, stores only its hash, refuses permissions the creator lacks, and a revoked key answers 401", async () => {
    const { partner, admin } = await createPartner();
    // A settings manager who can't manage users.
    const limited = callerFor(await createPartnerUser(partner.id, { role: null, permissions: ["settings.manage", "users.view"] }), partner.name);
    const refused = await runOperation(createKey, { name: "too much", permissions: ["users.view", "users.manage"] }, limited).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.permissions?.[0]).toContain("Manage team");
    expect(await db.apiKey.count({ where: { partnerId: partner.id } })).toBe(0);

    const created = await runOperation(createKey, { name: "Reporting", permissions: ["users.view"] }, limited);
    expect(created.key).toMatch(/^pp_live_/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const listed = await listApiKeys(limited);
    expect(JSON.stringify(listed)).not.toContain(created.key.slice(16));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { partnerId: partner.id, action: "api_key.created" } });
    expect(JSON.stringify(audit.changes)).not.toContain(created.key);

    expect((await users.GET(request("GET", "/users", created.key))).status).toBe(200);
    await runOperation(revokeKey, { apiKeyId: created.id }, callerFor(admin, partner.name));
    expect((await users.GET(request("GET", "/users", created.key))).status).toBe(401);
    // Another partner's key id is "not found".
    const other = await createPartner();
    await expect(runOperation(revokeKey, { apiKeyId: created.id }, other.caller)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the API reference", () => {
  it("serves the OpenAPI 3.1 document of every API operation, and /api/docs renders it with the pinned Scalar bundle under the request's nonce", async () => {
    const served = (await openapiRoute.GET().json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(served.openapi).toBe("3.1.0");
    const documented = Object.values(served.paths).flatMap((methods) => Object.values(methods).map((o) => o.operationId));
    expect(documented.sort()).toEqual(OPERATIONS.filter((op) => op.http).map((op) => op.name).sort());

    const page = await docsPage.GET(new Request("http://localhost/api/docs", { headers: { "x-nonce": "abc123==" } }));
    const html = await page.text();
    expect(html).toContain('<script nonce="abc123==" src="/api/docs/scalar.js"></script>');
    expect(html).toContain("/api/v1/openapi.json");
    const bundle = await scalarBundle.GET();
    expect(bundle.headers.get("content-type")).toContain("javascript");
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
  });
});
