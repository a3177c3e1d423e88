import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

test("the benchmark's bare page does not exist on a portal without BENCH_PAGES", async ({ request }) => {
  const response = await request.get(`/bench/bare-team?partner=${randomUUID()}`);
  expect(response.status()).toBe(404);
});
