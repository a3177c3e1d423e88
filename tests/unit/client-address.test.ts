import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/security/client-address";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress", () => {
  it("is the connection's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(h(), "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress(h("198.51.100.1"), "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress(h("1.1.1.1, 2.2.2.2"), "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress(h("198.51.100.1"), null, 0)).toBeNull();
  });

  it("takes the address the trusted proxies saw, counting hops from the right", () => {
    // One proxy (at 10.0.0.2) appended the client it saw; the client forged an earlier entry.
    expect(clientAddress(h("6.6.6.6, 198.51.100.7"), "10.0.0.2", 1)).toBe("198.51.100.7");
    // Two proxies: CDN appended the client, the load balancer appended the CDN.
    expect(clientAddress(h("6.6.6.6, 198.51.100.7, 10.1.1.1"), "10.0.0.2", 2)).toBe("198.51.100.7");
    // Without the socket address the proxies' entries are still the right-most ones.
    expect(clientAddress(h("6.6.6.6, 198.51.100.7"), null, 1)).toBe("198.51.100.7");
  });

  it("falls back to the leftmost entry when the chain is shorter than the trusted hops", () => {
    expect(clientAddress(h("198.51.100.7"), "10.0.0.2", 3)).toBe("198.51.100.7");
    expect(clientAddress(h(), "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(clientAddress(h(), null, 1)).toBeNull();
  });

  it("normalizes addresses and refuses what isn't one", () => {
    expect(clientAddress(h(), "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress(h("[2001:DB8::1]:443"), "10.0.0.2", 1)).toBe("2001:db8::1");
    expect(clientAddress(h("198.51.100.7:51234"), "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientAddress(h("not-an-ip"), "10.0.0.2", 1)).toBeNull();
    expect(clientAddress(h("198.51.100.7"), "10.0.0.2", Number.NaN)).toBe("10.0.0.2");
  });
});
