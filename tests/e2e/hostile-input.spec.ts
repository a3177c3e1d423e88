// No input yields a 5xx (DESIGN §10, §12; STYLE §3c). Every route of the app
// (found by walking app/ at test time, so a new page is covered the moment it
// exists) is requested with hostile values in each path segment and each
// query parameter, as each kind of user; the answer must be 2xx, 3xx or 4xx.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { request, type APIRequestContext } from "@playwright/test";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { clientIp, expect, test, TEST_PASSWORD } from "./fixtures";
import { createPartner, createPartnerUser } from "../support/factories";
import { createCustomer, createCustomerUser } from "../support/customer-factories";
import { createStaffUser } from "../support/staff-factories";

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

const HOSTILE = [
  "",
  "x".repeat(10_000), // LONG
  "%00",
  "a%00b",
  "1e300",
  "-1",
  "%2B275760-09-13",
  "99999999999999999999999",
  "not-a-uuid",
  "-".repeat(36),
  // A cursor that decodes to JSON with a NUL, and one that isn't base64url at all.
  Buffer.from(JSON.stringify({ l: "\u0000", f: "x", s: "not a date", i: "00000000-0000-0000-0000-000000000000" })).toString("base64url"),
  "%%%",
  encodeURIComponent("<script>alert(1)</script>"),
  encodeURIComponent("../../etc/passwd"),
  encodeURIComponent("Zoë 🚀 ﷽ \u202e"),
];

// Every query parameter some page reads; each page's own source adds the names it mentions.
const KNOWN_PARAMS = [
  "q", "page", "status", "role", "sort", "after", "before", "license", "tab", "customerId", "copy", "notice", "id",
  "from", "to", "actor", "action", "target", "partnerId", "created", "updated", "added", "detached", "welcome",
  "passwordReset", "signedOut", "email", "firstName", "lastName", "phone", "partner", "deleted", "restored",
];

type Route = { file: string; segments: string[]; params: string[]; source: string };

/** app/**\/page.tsx and route.ts, as URL segments ("(group)" folders dropped). */
function discoverRoutes(dir = APP_DIR, segments: string[] = []): Route[] {
  const routes: Route[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name.startsWith("_")) continue; // private folders are not routes
      routes.push(...discoverRoutes(full, /^\(.*\)$/.test(name) ? segments : [...segments, name]));
    } else if (/^(page|route)\.(tsx?|jsx?)$/.test(name)) {
      const source = readFileSync(full, "utf8");
      // Names the page reads: a property (`search.q`) or a key (`{ q: searchText() }`).
      const mentioned = new Set([...source.matchAll(/(?:\.([a-zA-Z]+)\b|\b([a-zA-Z]+)\??:)/g)].map((m) => m[1] ?? m[2]));
      const params = KNOWN_PARAMS.filter((p) => mentioned.has(p));
      routes.push({ file: path.relative(APP_DIR, full), segments, params, source });
    }
  }
  return routes;
}

type Ids = Record<string, string[]>;

/** URLs for a route: real ids in every dynamic segment, then each segment in turn with each hostile value (or a few, for users the page isn't for). */
function pathVariants(route: Route, ids: Ids, hostile: string[]): string[] {
  const dynamic = route.segments.map((segment, index) => ({ segment, index })).filter(({ segment }) => segment.startsWith("["));
  const real = (segment: string) => ids[segment.replace(/^\[+(\.\.\.)?|\]+$/g, "")] ?? ["session"];
  const build = (values: Map<number, string>) => "/" + route.segments.map((segment, index) => values.get(index) ?? segment).join("/");
  const base = new Map(dynamic.map(({ segment, index }) => [index, real(segment)[0]]));
  const urls = new Set<string>([build(base)]);
  for (const { segment, index } of dynamic) {
    for (const value of [...real(segment).slice(1), ...hostile]) urls.add(build(new Map(base).set(index, value || "%20")));
  }
  return [...urls];
}

const LONG = "x".repeat(10_000);

/**
 * Query strings for a route: every known parameter in every request, each
 * with a different hostile value, rotating, so N requests try every
 * (parameter, value) pair; then the 10 kB value alone in each parameter the
 * page mentions (all of them at once would only exceed the header limit).
 */
function queryVariants(base: string, params: string[], full: boolean): string[] {
  const values = HOSTILE.filter((value) => value !== LONG);
  // Users a page isn't for are turned away before it reads its query: a few rotations for them.
  const shifts = full ? values.map((_, shift) => shift) : [0, 5, 10];
  const urls = shifts.map((shift) => `${base}?${KNOWN_PARAMS.map((p, i) => `${p}=${values[(i + shift) % values.length]}`).join("&")}`);
  if (full) for (const param of params) urls.push(`${base}?${param}=${LONG}`);
  // A repeated parameter arrives as an array.
  if (params.length > 0) urls.push(`${base}?${params.map((p) => `${p}=1&${p}=2`).join("&")}`);
  return urls;
}

const baseURL = () => `http://localhost:${process.env.E2E_PORT}`;

/**
 * A request context signed in through next-auth's own credentials endpoint
 * (what the sign-in form ends up calling), so no browser is needed; null
 * login: a signed-out visitor. A client address of its own, like the fixtures.
 */
async function signedInRequest(login: string | null): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: baseURL(), extraHTTPHeaders: { "x-forwarded-for": clientIp() } });
  if (login) {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.post("/api/auth/callback/credentials", { form: { csrfToken, login, password: TEST_PASSWORD }, maxRedirects: 0 });
    const session = (await (await context.get("/api/auth/session")).json()) as { sessionId?: string } | null;
    expect(session?.sessionId, `${login} is signed in`).toBeTruthy();
  }
  return context;
}

/** Runs `run` over `items`, `size` at a time (Promise.all over a pool, so one slow page doesn't hold a whole batch). */
async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await run(items[next++]);
  }));
}

test.describe.configure({ timeout: 300_000 });

test("no route answers 5xx to hostile path segments or query strings, for any kind of user", async () => {
  const { partner, admin } = await createPartner();
  const readOnly = await createPartnerUser(partner.id, { role: "read_only", firstName: "Rita", lastName: "Reader" });
  const customer = await createCustomer(partner.id);
  const customerUser = await createCustomerUser(customer);
  await db.user.update({ where: { id: customerUser.id }, data: { passwordHash: await hashPassword(TEST_PASSWORD) } });
  const { user: support } = await createStaffUser("support");
  const { user: owner } = await createStaffUser("portal_owner");
  const other = await createPartner();
  const otherCustomer = await createCustomer(other.partner.id);

  // Real ids first (the page renders), then another tenant's (must be "not found", never 5xx).
  const ids: Ids = {
    id: [customer.id, readOnly.id, otherCustomer.id, other.admin.id],
    userId: [readOnly.id, customerUser.id],
    partnerId: [partner.id, other.partner.id],
    token: ["A".repeat(43)],
    nextauth: ["session", "providers", "csrf", "signin", "callback"],
  };

  const users = {
    signedOut: await signedInRequest(null),
    partnerAdmin: await signedInRequest(admin.email),
    readOnly: await signedInRequest(readOnly.email),
    customerUser: await signedInRequest(customerUser.email),
    support: await signedInRequest(support.email),
    portalOwner: await signedInRequest(owner.email),
  };

  const routes = discoverRoutes();
  expect(routes.length).toBeGreaterThan(30);
  expect(routes.map((r) => r.file)).toContain(path.join("(portal)", "team", "page.tsx"));

  /** The user each page is for gets every parameter on its own; everybody gets the rest. */
  const ownerOf = (route: Route): keyof typeof users =>
    route.segments[0] === "admin" ? "portalOwner" : route.file.startsWith("(public)") ? "signedOut" : "partnerAdmin";

  const requests: { who: keyof typeof users; url: string }[] = [];
  for (const route of routes) {
    for (const who of Object.keys(users) as (keyof typeof users)[]) {
      // Partner users reach tenant pages' data; the others are turned away earlier, so fewer path values do.
      const full = who === ownerOf(route) || (who === "readOnly" && ownerOf(route) === "partnerAdmin");
      const paths = pathVariants(route, ids, full ? HOSTILE : ["%00", "%%%", "not-a-uuid", "-".repeat(36), "99999999999999999999999"]);
      for (const url of paths) requests.push({ who, url });
      requests.push(...queryVariants(paths[0], route.params, who === ownerOf(route)).map((url) => ({ who, url })));
    }
  }

  const started = Date.now();
  const failures: string[] = [];
  await inBatches(requests, 16, async ({ who, url }) => {
    const get = () => users[who].get(url, { maxRedirects: 0, timeout: 60_000 }).catch((error: Error) => error);
    // A connection reset (a keep-alive socket the busy server closed) is no answer at all: asked once more.
    let response = await get();
    if (response instanceof Error && /ECONNRESET|socket hang up/.test(response.message)) response = await get();
    if (response instanceof Error) failures.push(`${who} GET ${url.slice(0, 160)}: ${response.message.split("\n")[0]}`);
    else if (response.status() >= 500) failures.push(`${who} GET ${url.slice(0, 160)} → ${response.status()}`);
  });
  console.log(`[hostile-input] ${requests.length} requests to ${routes.length} routes in ${Math.round((Date.now() - started) / 1000)} s`);
  expect(failures, `${failures.length} of ${requests.length} requests failed`).toEqual([]);
});

test("a member who may place orders but not see customers gets the 403 page on /orders/new", async () => {
  const { partner } = await createPartner();
  const seller = await createPartnerUser(partner.id, { role: null, permissions: ["orders.create"] });
  const request = await signedInRequest(seller.email);
  const response = await request.get("/orders/new?q=a");
  expect(response.status()).toBe(403);
  expect(await response.text()).toMatch(/You don(&#x27;|')t have access/);
});

test("the team page prints no notice text taken from the URL", async () => {
  const { admin } = await createPartner();
  const client = await signedInRequest(admin.email);
  const response = await client.get(`/team?deleted=${encodeURIComponent("<script>Evil")}&restored=Mallory&notice=user-deleted&id=${admin.id}`);
  expect(response.status()).toBe(200);
  // What the page shows: its HTML without scripts (the router's payload repeats the URL, which is not shown).
  const html = (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
  expect(html).toContain("Team members");
  expect(html).not.toContain("Evil");
  expect(html).not.toContain("Mallory");
  expect(html).not.toContain("was deleted and signed out");
});

test("sign-in and its API refuse a NUL in the login without a 5xx", async () => {
  const visitor = await signedInRequest(null);
  const { csrfToken } = (await (await visitor.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const login of ["\u0000", "nadia\u0000@northwind.example", "x".repeat(10_000)]) {
    const response = await visitor.post("/api/auth/callback/credentials", { form: { csrfToken, login, password: "whatever-123" }, maxRedirects: 0 });
    expect(response.status(), login.slice(0, 20)).toBeLessThan(500);
  }
});
