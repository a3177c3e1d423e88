// /api/v1/customers/** through the exported route handlers (decision 0018):
// customers, orders and subscriptions, customer users, licenses; every
// response checked against the generated OpenAPI document; another partner's
// key gets 404 for every id route and changes nothing.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiKey } from "@/lib/api-keys/keys";
import { runOperation } from "@/lib/operations/run";
import { formDataToInput } from "@/lib/operations/coerce";
import { importCustomerUsersOp, ImportInput } from "@/lib/customers/operations";
import { ValidationError } from "@/lib/errors";
import * as customers from "@/app/api/v1/customers/route";
import * as customer from "@/app/api/v1/customers/[id]/route";
import * as orders from "@/app/api/v1/customers/[id]/orders/route";
import * as subscriptions from "@/app/api/v1/customers/[id]/subscriptions/route";
import * as users from "@/app/api/v1/customers/[id]/users/route";
import * as deleted from "@/app/api/v1/customers/[id]/users/deleted/route";
import * as user from "@/app/api/v1/customers/[id]/users/[userId]/route";
import * as resetPassword from "@/app/api/v1/customers/[id]/users/[userId]/reset-password/route";
import * as restore from "@/app/api/v1/customers/[id]/users/[userId]/restore/route";
import * as licenses from "@/app/api/v1/customers/[id]/users/[userId]/licenses/route";
import * as bulk from "@/app/api/v1/customers/[id]/licenses/bulk/route";
import { createPartner, uniqueEmail } from "../support/factories";
import { createCustomerUser, createCustomerWithSubscription, createProduct, createSubscription } from "../support/customer-factories";
import { checked, contract, params, request, routeParams } from "../support/api";
import { partnerSnapshot } from "./authorization-matrix.fixtures";

const ALL = ["customers.view", "customers.manage", "licenses.manage", "orders.create"];

async function partnerWithKey(permissions = ALL) {
  const setup = await createPartner();
  const created = await createApiKey(setup.caller, { name: "ERP", permissions: permissions as never, expiresOn: undefined });
  return { ...setup, key: created.key };
}

const ids = (id: string, userId: string) => routeParams({ id, userId });
const json = async (response: Response) => JSON.parse(await response.clone().text());

afterAll(() => {
  for (const code of ["200", "201", "204", "404", "409", "422"]) {
    expect(checked.some((entry) => entry.endsWith(` ${code}`)), `a ${code} was checked`).toBe(true);
  }
});

describe("/api/v1/customers", () => {
  it("creates (201), finds by name, email or customer ID, reads and patches a customer; field errors are 422", async () => {
    const { key } = await partnerWithKey();
    const email = uniqueEmail("acme");
    const created = await customers.POST(request("POST", "/customers", key, { type: "COMPANY", companyName: "Acme Widgets", contactEmail: email, city: "Oslo" }));
    expect(created.status).toBe(201);
    await contract("/customers", "POST", created);
    const acme = await json(created);
    expect(acme).toMatchObject({ name: "Acme Widgets", type: "COMPANY", city: "Oslo", customerNumber: expect.stringMatching(/^C-\d{6}$/) });

    for (const q of ["widgets", email.toUpperCase(), acme.customerNumber.toLowerCase()]) {
      const found = await customers.GET(request("GET", `/customers?q=${encodeURIComponent(q)}`, key));
      await contract("/customers", "GET", found);
      expect((await json(found)).data.map((c: { id: string }) => c.id), q).toEqual([acme.id]);
    }

    const one = await customer.GET(request("GET", `/customers/${acme.id}`, key), params(acme.id));
    await contract("/customers/{id}", "GET", one);
    expect((await json(one)).contactEmail).toBe(email);

    const patched = await customer.PATCH(request("PATCH", `/customers/${acme.id}`, key, { postalCode: "0150" }), params(acme.id));
    await contract("/customers/{id}", "PATCH", patched);
    // Only what was sent changed.
    expect(await json(patched)).toMatchObject({ name: "Acme Widgets", city: "Oslo", postalCode: "0150", contactEmail: email });

    const individual = await json(await customers.POST(request("POST", "/customers", key, { type: "INDIVIDUAL", firstName: "Mary Ann", lastName: "Evans", contactEmail: uniqueEmail("me") })));
    const renamedCity = await json(await customer.PATCH(request("PATCH", `/customers/${individual.id}`, key, { city: "Nuneaton" }), params(individual.id)));
    expect(renamedCity).toMatchObject({ name: "Mary Ann Evans", city: "Nuneaton" });
    const cleared = await json(await customer.PATCH(request("PATCH", `/customers/${individual.id}`, key, { city: "" }), params(individual.id)));
    expect(cleared).toMatchObject({ name: "Mary Ann Evans", city: null });

    const invalid = await customers.POST(request("POST", "/customers", key, { type: "COMPANY", contactEmail: "nope" }));
    expect(invalid.status).toBe(422);
    await contract("/customers", "POST", invalid);
    expect((await json(invalid)).errors.map((e: { path: string }) => e.path).sort()).toEqual(["companyName", "contactEmail"]);
    const badPatch = await customer.PATCH(request("PATCH", `/customers/${acme.id}`, key, { type: "INDIVIDUAL" }), params(acme.id));
    expect(badPatch.status).toBe(422);
    await contract("/customers/{id}", "PATCH", badPatch);
    const unknown = await customer.PATCH(request("PATCH", `/customers/${acme.id}`, key, { name: "X" }), params(acme.id));
    expect(unknown.status).toBe(422);
    expect((await db.customer.findUniqueOrThrow({ where: { id: acme.id } })).type).toBe("COMPANY");
  });

  it("orders by product code (201) grow the subscriptions; an unknown code or too many seats is a 422 at the item", async () => {
    const { key, partner } = await partnerWithKey();
    const target = await createCustomerWithSubscription(partner.id, 2);
    const small = await createProduct({ maxSeatsPerOrder: 5 });
    const placed = await orders.POST(
      request("POST", `/customers/${target.customer.id}/orders`, key, { items: [{ productCode: target.product.code, seats: 3 }, { productCode: small.code.toLowerCase(), seats: 5 }] }),
      params(target.customer.id),
    );
    expect(placed.status).toBe(201);
    await contract("/customers/{id}/orders", "POST", placed);
    expect((await json(placed)).orderNumber).toMatch(/^O-\d{6}$/);

    const subs = await subscriptions.GET(request("GET", `/customers/${target.customer.id}/subscriptions`, key), params(target.customer.id));
    await contract("/customers/{id}/subscriptions", "GET", subs);
    expect((await json(subs)).data.map((s: { productCode: string; purchased: number; free: number }) => [s.productCode, s.purchased, s.free]).sort()).toEqual(
      [[target.product.code, 5, 5], [small.code, 5, 5]].sort(),
    );

    const refused = await orders.POST(
      request("POST", `/customers/${target.customer.id}/orders`, key, { items: [{ productCode: "NO-SUCH", seats: 1 }, { productCode: small.code, seats: 6 }] }),
      params(target.customer.id),
    );
    expect(refused.status).toBe(422);
    await contract("/customers/{id}/orders", "POST", refused);
    expect((await json(refused)).errors).toEqual([{ path: "items.0.productCode", message: "This product can't be ordered." }]);
    const tooMany = await orders.POST(request("POST", `/customers/${target.customer.id}/orders`, key, { items: [{ productCode: small.code, seats: 6 }] }), params(target.customer.id));
    expect((await json(tooMany)).errors).toEqual([{ path: "items.0.seats", message: "At most 5 seats per order." }]);
    expect(await db.order.count({ where: { customerId: target.customer.id } })).toBe(1);
  });
});

describe("/api/v1/customers/{id}/users", () => {
  it("adds a user (201, temporary password once), lists with filters and cursor, resets, deletes (204), lists deleted and restores", async () => {
    const { key, partner } = await partnerWithKey();
    const { customer: c, product, subscription } = await createCustomerWithSubscription(partner.id, 1);
    for (const last of ["Baker", "Carter", "Dalton", "Evans"]) await createCustomerUser(c, { firstName: "Sam", lastName: last });

    const added = await users.POST(
      request("POST", `/customers/${c.id}/users`, key, { firstName: "Ada", lastName: "Abbott", email: uniqueEmail("ada"), productIds: [product.id] }),
      params(c.id),
    );
    expect(added.status).toBe(201);
    await contract("/customers/{id}/users", "POST", added);
    const ada = await json(added);
    expect(ada.temporaryPassword).toEqual(expect.any(String));
    expect((await db.user.findUniqueOrThrow({ where: { id: ada.id } })).passwordHash).not.toContain(ada.temporaryPassword);

    // Name order, two at a time, following nextCursor to the end.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Response = await users.GET(request("GET", `/customers/${c.id}/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`, key), params(c.id));
      await contract("/customers/{id}/users", "GET", page);
      const body = await json(page);
      seen.push(...body.data.map((u: { lastName: string }) => u.lastName));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Abbott", "Baker", "Carter", "Dalton", "Evans"]);
    const licensed = await json(await users.GET(request("GET", `/customers/${c.id}/users?license=${product.id}`, key), params(c.id)));
    expect(licensed.data.map((u: { id: string; products: { code: string }[] }) => [u.id, u.products[0]?.code])).toEqual([[ada.id, product.code]]);
    const searched = await json(await users.GET(request("GET", `/customers/${c.id}/users?q=dalt&status=ACTIVE`, key), params(c.id)));
    expect(searched.data.map((u: { lastName: string }) => u.lastName)).toEqual(["Dalton"]);
    const strict = await users.GET(request("GET", `/customers/${c.id}/users?status=gone&limit=500`, key), params(c.id));
    expect(strict.status).toBe(422);
    await contract("/customers/{id}/users", "GET", strict);
    expect((await json(strict)).errors.map((e: { path: string }) => e.path).sort()).toEqual(["limit", "status"]);

    const reset = await resetPassword.POST(request("POST", `/customers/${c.id}/users/${ada.id}/reset-password`, key, {}), ids(c.id, ada.id));
    await contract("/customers/{id}/users/{userId}/reset-password", "POST", reset);
    expect((await json(reset)).temporaryPassword).not.toBe(ada.temporaryPassword);

    const gone = await user.DELETE(request("DELETE", `/customers/${c.id}/users/${ada.id}`, key), ids(c.id, ada.id));
    expect(gone.status).toBe(204);
    await contract("/customers/{id}/users/{userId}", "DELETE", gone);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).assigned).toBe(0);
    const bin = await deleted.GET(request("GET", `/customers/${c.id}/users/deleted`, key), params(c.id));
    await contract("/customers/{id}/users/deleted", "GET", bin);
    expect((await json(bin)).data).toMatchObject([{ id: ada.id, daysLeft: 30, licensesAtDeletion: [product.id] }]);

    // The only seat went to someone else meanwhile: Ada comes back without it, and the answer says so.
    const baker = await db.user.findFirstOrThrow({ where: { customerId: c.id, lastName: "Baker" } });
    const put = await licenses.PUT(request("PUT", `/customers/${c.id}/users/${baker.id}/licenses`, key, { productCodes: [product.code] }), ids(c.id, baker.id));
    await contract("/customers/{id}/users/{userId}/licenses", "PUT", put);
    expect(await json(put)).toMatchObject({ assigned: [product.name], productCodes: [product.code] });
    const back = await restore.POST(request("POST", `/customers/${c.id}/users/${ada.id}/restore`, key, {}), ids(c.id, ada.id));
    expect(back.status).toBe(200);
    await contract("/customers/{id}/users/{userId}/restore", "POST", back);
    expect(await json(back)).toMatchObject({ licensesRestored: [], licensesNotRestored: [{ product: product.name, reason: "No free seat." }] });
  });

  it("409 when a restored user's email is in use again or a license has no free seat; nothing changes", async () => {
    const { key, partner } = await partnerWithKey();
    const { customer: c, product } = await createCustomerWithSubscription(partner.id, 1);
    const holder = await createCustomerUser(c, { firstName: "Hold", lastName: "Er" });
    const other = await createCustomerUser(c, { firstName: "Oth", lastName: "Er" });
    expect((await licenses.PUT(request("PUT", `/customers/${c.id}/users/${holder.id}/licenses`, key, { productCodes: [product.code] }), ids(c.id, holder.id))).status).toBe(200);

    const full = await licenses.PUT(request("PUT", `/customers/${c.id}/users/${other.id}/licenses`, key, { productCodes: [product.code] }), ids(c.id, other.id));
    expect(full.status).toBe(409);
    await contract("/customers/{id}/users/{userId}/licenses", "PUT", full);
    expect(await db.licenseAssignment.count({ where: { userId: other.id } })).toBe(0);
    const unknownCode = await licenses.PUT(request("PUT", `/customers/${c.id}/users/${other.id}/licenses`, key, { productCodes: ["NOPE"] }), ids(c.id, other.id));
    expect(unknownCode.status).toBe(422);

    // Other's address is taken by a new user while they are deleted.
    expect((await user.DELETE(request("DELETE", `/customers/${c.id}/users/${other.id}`, key), ids(c.id, other.id))).status).toBe(204);
    await users.POST(request("POST", `/customers/${c.id}/users`, key, { firstName: "New", lastName: "Comer", email: other.email }), params(c.id));
    const clash = await restore.POST(request("POST", `/customers/${c.id}/users/${other.id}/restore`, key, {}), ids(c.id, other.id));
    expect(clash.status).toBe(409);
    await contract("/customers/{id}/users/{userId}/restore", "POST", clash);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).deletedAt).not.toBeNull();
  });

  it("bulk assigns and revokes with a result per item; revocations free seats first; an unknown code is a 422 at its item", async () => {
    const { key, partner } = await partnerWithKey();
    const { customer: c, product, subscription } = await createCustomerWithSubscription(partner.id, 1);
    const [a, b] = [await createCustomerUser(c, { subscriptionIds: [subscription.id] }), await createCustomerUser(c)];
    const third = await createCustomerUser(c);
    const body = {
      revoke: [{ userId: a.id, productCode: product.code }, { userId: b.id, productCode: product.code }],
      assign: [{ userId: b.id, productCode: product.code }, { userId: third.id, productCode: product.code }, { userId: b.id, productCode: product.code }],
    };
    const response = await bulk.POST(request("POST", `/customers/${c.id}/licenses/bulk`, key, body), params(c.id));
    expect(response.status).toBe(200);
    await contract("/customers/{id}/licenses/bulk", "POST", response);
    const result = await json(response);
    expect(result.revoke.map((r: { result: string }) => r.result)).toEqual(["revoked", "not_held"]);
    expect(result.assign.map((r: { result: string }) => r.result)).toEqual(["assigned", "no_seat", "already_held"]);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).assigned).toBe(1);

    const bad = await bulk.POST(request("POST", `/customers/${c.id}/licenses/bulk`, key, { assign: [{ userId: a.id, productCode: "NOPE" }] }), params(c.id));
    expect(bad.status).toBe(422);
    await contract("/customers/{id}/licenses/bulk", "POST", bad);
    expect((await json(bad)).errors[0].path).toBe("assign.0.productCode");
  });
});

describe("tenant isolation", () => {
  it("another partner's key gets 404 for each id route, and nothing of the victim changes", async () => {
    const victim = await partnerWithKey();
    const { customer: c, product, subscription } = await createCustomerWithSubscription(victim.partner.id, 5);
    const u = await createCustomerUser(c, { subscriptionIds: [subscription.id] });
    const gone = await createCustomerUser(c);
    await db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const attacker = await partnerWithKey();
    // The attacker's own customer: the victim's user ids under it are not found either.
    const own = await createCustomerWithSubscription(attacker.partner.id, 5);
    await createSubscription(own.customer, product.id, 5);
    const before = await partnerSnapshot(victim.partner.id);
    const k = attacker.key;

    const attempts: [string, string, () => Promise<Response>][] = [];
    for (const cid of [c.id, own.customer.id]) {
      attempts.push(
        ["/customers/{id}/users/{userId}/reset-password", "POST", () => resetPassword.POST(request("POST", "/x", k, {}), ids(cid, u.id))],
        ["/customers/{id}/users/{userId}", "DELETE", () => user.DELETE(request("DELETE", "/x", k), ids(cid, u.id))],
        ["/customers/{id}/users/{userId}/restore", "POST", () => restore.POST(request("POST", "/x", k, {}), ids(cid, gone.id))],
        ["/customers/{id}/users/{userId}/licenses", "PUT", () => licenses.PUT(request("PUT", "/x", k, { productCodes: [] }), ids(cid, u.id))],
        ["/customers/{id}/licenses/bulk", "POST", () => bulk.POST(request("POST", "/x", k, { revoke: [{ userId: u.id, productCode: product.code }] }), params(cid))],
      );
    }
    attempts.push(
      ["/customers/{id}", "GET", () => customer.GET(request("GET", "/x", k), params(c.id))],
      ["/customers/{id}", "PATCH", () => customer.PATCH(request("PATCH", "/x", k, { city: "Stolen" }), params(c.id))],
      ["/customers/{id}/orders", "POST", () => orders.POST(request("POST", "/x", k, { items: [{ productCode: product.code, seats: 1 }] }), params(c.id))],
      ["/customers/{id}/subscriptions", "GET", () => subscriptions.GET(request("GET", "/x", k), params(c.id))],
      ["/customers/{id}/users", "GET", () => users.GET(request("GET", "/x", k), params(c.id))],
      ["/customers/{id}/users", "POST", () => users.POST(request("POST", "/x", k, { firstName: "E", lastName: "Vil", email: uniqueEmail("evil") }), params(c.id))],
      ["/customers/{id}/users/deleted", "GET", () => deleted.GET(request("GET", "/x", k), params(c.id))],
    );
    for (const [path, method, attempt] of attempts) {
      const response = await attempt();
      expect(response.status, `${method} ${path}`).toBe(404);
      await contract(path, method, response);
    }
    const listed = await json(await customers.GET(request("GET", `/customers?q=${encodeURIComponent(c.name)}`, k)));
    expect(listed.data).toEqual([]);
    expect(await partnerSnapshot(victim.partner.id)).toEqual(before);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({ purchased: 5, assigned: 1 });
  });

  it("a key without customers.manage gets 403 and a Read-only style key can still read", async () => {
    const { key, partner } = await partnerWithKey(["customers.view"]);
    const { customer: c } = await createCustomerWithSubscription(partner.id, 1);
    const refused = await users.POST(request("POST", "/x", key, { firstName: "A", lastName: "B", email: uniqueEmail("x") }), params(c.id));
    expect(refused.status).toBe(403);
    await contract("/customers/{id}/users", "POST", refused);
    expect((await users.GET(request("GET", "/x", key), params(c.id))).status).toBe(200);
  });
});

describe("the import form's operation", () => {
  it("takes the posted file through the form adapter, checks then imports it; a missing file is an error at the file field", async () => {
    const { caller, partner } = await createPartner();
    const { customer: c, product } = await createCustomerWithSubscription(partner.id, 5);
    const csv = `First name,Last name,Email,Phone,Licenses\r\nIma,Port,${uniqueEmail("imp")},,${product.code}\r\n`;
    const form = new FormData();
    form.append("customerId", c.id);
    form.append("intent", "check");
    form.append("file", new File([csv], "users.csv", { type: "text/csv" }));
    const { input, raw } = formDataToInput(ImportInput, form);
    expect(input.file).toBeInstanceOf(File);
    expect(raw).not.toHaveProperty("file");
    const checkedFile = await runOperation(importCustomerUsersOp, input, caller);
    expect(checkedFile).toMatchObject({ step: "checked", check: { validCount: 1, invalidCount: 0 } });
    const imported = await runOperation(importCustomerUsersOp, { ...input, intent: "import" }, caller);
    expect(imported).toMatchObject({ step: "imported", skipped: 0 });
    expect(await db.user.count({ where: { customerId: c.id } })).toBe(1);

    const empty = new FormData();
    empty.append("customerId", c.id);
    empty.append("file", new File([], ""));
    const missing = await runOperation(importCustomerUsersOp, formDataToInput(ImportInput, empty).input, caller).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).fieldErrors.file).toEqual(["Choose a CSV file to import."]);
  });
});
