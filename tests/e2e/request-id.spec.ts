import { expect, test } from "./fixtures";

// The built server's proxy gives every request an id (decision 0026): the
// reference a generic error shows and the key of its log line.
test("every response carries a request id, a load balancer's own when it is a safe token", async ({ request }) => {
  const fresh = await request.get("/login");
  expect(fresh.headers()["x-request-id"]).toMatch(/^[0-9a-f]{16}$/);
  const again = await request.get("/login");
  expect(again.headers()["x-request-id"]).not.toBe(fresh.headers()["x-request-id"]);

  const kept = await request.get("/login", { headers: { "x-request-id": "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d" } });
  expect(kept.headers()["x-request-id"]).toBe("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
  const refused = await request.get("/login", { headers: { "x-request-id": "<b>not an id</b>" } });
  expect(refused.headers()["x-request-id"]).toMatch(/^[0-9a-f]{16}$/);
});
