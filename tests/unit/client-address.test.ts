import { describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  addressBucket,
  clientAddress,
  CONNECTION_ADDRESS_HEADER,
  connectionAddressFrom,
  installConnectionAddressStamp,
} from "@/lib/security/client-address";

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

describe("addressBucket (what a per-address limit counts)", () => {
  it("keeps an IPv4 address and counts an IPv6 address by its /64", () => {
    expect(addressBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(addressBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    // IPv4 clients in IPv4-mapped form count one by one, not as one shared /64.
    expect(addressBucket("::ffff:0a00:0005")).toBe("10.0.0.5");
    expect(addressBucket("::ffff:10.0.0.6")).toBe("10.0.0.6");
    expect(addressBucket("2001:db8:1:3::1")).not.toBe(addressBucket("2001:db8:1:2::1"));
  });
});

describe("connectionAddressFrom (the stamp)", () => {
  it("trusts the header only on a request this process stamped, not on one that arrived before the stamp was installed", async () => {
    installConnectionAddressStamp();
    // Next.js listens before it runs instrumentation.ts: a request already received then carries the client's own header.
    expect(connectionAddressFrom(new Headers({ [CONNECTION_ADDRESS_HEADER]: "127.0.0.1" }))).toBeNull();

    const server = http.createServer((request, response) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
      response.end(String(connectionAddressFrom(headers)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`, { headers: { [CONNECTION_ADDRESS_HEADER]: "10.9.9.9" } }).then((r) => r.text());
      expect(answer).toBe("127.0.0.1");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
