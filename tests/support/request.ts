// Where a test's request comes from when the test doesn't care: no client
// address (so no per-IP rate limit counts it) and a recognisable user agent.
import type { RequestMeta } from "@/lib/auth/request-meta";

export const TEST_META: RequestMeta = { ip: null, userAgent: "vitest" };
