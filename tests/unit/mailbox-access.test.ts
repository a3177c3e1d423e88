import { describe, expect, it } from "vitest";
import { envParser, REQUIRED_ENV } from "../support/env";
import { isLoopbackAddress, isLoopbackHost, mayReadDevMailbox } from "@/lib/email/mailbox-access";

describe("the dev mailbox's loopback check", () => {
  it("accepts this machine's addresses, in every form a socket reports them", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1", "::ffff:7f00:1"]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
  });

  it("refuses any other address, a name, or nothing", () => {
    for (const address of [
      "10.0.0.5",
      "::ffff:192.168.1.2",
      "192.168.1.2",
      "0.0.0.0",
      "::",
      "fe80::1",
      "::2",
      "1::1",
      "128.0.0.1",
      "127.0.0.1.evil.example",
      "localhost",
      "unknown",
      "",
      null,
      undefined,
    ]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
  });

  it("treats only loopback listen hosts as private", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("::1")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
    expect(isLoopbackHost("::")).toBe(false);
    expect(isLoopbackHost(undefined)).toBe(false);
  });

  it("opens the mailbox to a connection from this machine", () => {
    for (const connectionAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      // Next.js copies the socket address into X-Forwarded-For when the client sent none.
      expect(mayReadDevMailbox({ connectionAddress, forwardedFor: connectionAddress, listenHost: "127.0.0.1" }), connectionAddress).toBe(true);
      expect(mayReadDevMailbox({ connectionAddress }), connectionAddress).toBe(true);
    }
  });

  it("refuses a connection from another machine, even with a forged X-Forwarded-For: 127.0.0.1", () => {
    for (const connectionAddress of ["10.0.0.5", "::ffff:192.168.1.2", "192.168.1.2", "fe80::1"]) {
      expect(mayReadDevMailbox({ connectionAddress, forwardedFor: "127.0.0.1", realIp: "127.0.0.1" }), connectionAddress).toBe(false);
      expect(mayReadDevMailbox({ connectionAddress, listenHost: "127.0.0.1" }), connectionAddress).toBe(false);
    }
  });

  it("refuses when the connection address is unknown (no stamp) or a local proxy forwards someone else", () => {
    expect(mayReadDevMailbox({ connectionAddress: null, forwardedFor: "127.0.0.1" })).toBe(false);
    expect(mayReadDevMailbox({ connectionAddress: "", forwardedFor: "127.0.0.1" })).toBe(false);
    for (const forwardedFor of ["10.0.0.5", "10.0.0.5, 127.0.0.1", "127.0.0.1, 10.0.0.5", "", "unknown"]) {
      expect(mayReadDevMailbox({ connectionAddress: "127.0.0.1", forwardedFor }), forwardedFor).toBe(false);
    }
    expect(mayReadDevMailbox({ connectionAddress: "127.0.0.1", realIp: "10.0.0.5" })).toBe(false);
  });

  it("refuses a local proxy that names the outside client only in Forwarded (RFC 7239) or a CDN's client header", () => {
    for (const forwarded of ["for=10.0.0.5", 'for="[2001:db8::1]:4711";proto=https', "for=127.0.0.1, for=10.0.0.5", "for=unknown", "for=_hidden"]) {
      expect(mayReadDevMailbox({ connectionAddress: "127.0.0.1", forwarded }), forwarded).toBe(false);
    }
    for (const forwarded of ["for=127.0.0.1", 'for="[::1]:4711";proto=http', "proto=http;for=127.0.0.1:3000"]) {
      expect(mayReadDevMailbox({ connectionAddress: "127.0.0.1", forwarded }), forwarded).toBe(true);
    }
    for (const [name, value] of [["true-client-ip", "10.0.0.5"], ["cf-connecting-ip", "203.0.113.9"], ["x-client-ip", "10.0.0.5"]]) {
      const headers = new Headers({ [name]: value });
      expect(mayReadDevMailbox({ connectionAddress: "127.0.0.1", clientAddressHeaders: headers }), name).toBe(false);
    }
    expect(mayReadDevMailbox({ connectionAddress: "127.0.0.1", clientAddressHeaders: new Headers({ "true-client-ip": "127.0.0.1" }) })).toBe(true);
  });

  it("refuses every request when the server was opened to the network with HOST", () => {
    for (const listenHost of ["0.0.0.0", "::", "192.168.1.2"]) {
      expect(mayReadDevMailbox({ connectionAddress: "127.0.0.1", listenHost }), listenHost).toBe(false);
    }
  });
});

describe("HOST in the configuration", () => {
  const parse = envParser({ ...REQUIRED_ENV, DEV_MAILBOX: "true" });

  it("refuses a network HOST while mail would be kept in a mailbox only loopback may read, naming the variable", () => {
    expect(() => parse({ HOST: "0.0.0.0" })).toThrow(/HOST: the dev mailbox is only served on a loopback address/);
  });

  it("accepts a network HOST with SMTP, and loopback or no HOST with the mailbox", () => {
    expect(parse({ HOST: "0.0.0.0", SMTP_URL: "smtp://mail.example.com:587" }).HOST).toBe("0.0.0.0");
    expect(parse({ HOST: "127.0.0.1" }).HOST).toBe("127.0.0.1");
    expect(parse({}).HOST).toBeUndefined();
  });
});
