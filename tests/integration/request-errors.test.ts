// An unexpected error in a request (decision 0026): the user sees only a
// generic message with a reference, the reference is the request id that
// proxy.ts gave the request, and exactly one JSON error line carries the same
// id and never what was typed into a secret field. Through the production
// adapters (formAction, apiRoute), proxy() and instrumentation's
// onRequestError; the failing operations are made here, as a defect would be.
import "../support/next-runtime";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NextRequest } from "next/server";
import { operation } from "@/lib/operations/define";
import { apiRoute } from "@/lib/operations/api";
import { proxy } from "@/proxy";
import { onRequestError } from "@/instrumentation";
import { captureErrorLogs } from "../support/logs";
import { createPartnerWithKey, inRequestScope } from "../support/operation-callers";
import { request } from "../support/api";

// Loaded after next-runtime (first import above): next-auth and Next's stores need it.
const { formAction } = await import("@/lib/operations/form");

const PASSWORD = "Correct-Horse-Battery-9";

/** A public form operation with a defect: it fails, quoting the password it was given in its message. */
const brokenSignUp = operation({
  name: "test.brokenSignUp",
  summary: "Fails unexpectedly",
  input: z.object({ email: z.string(), password: z.string(), confirmPassword: z.string() }),
  access: { public: true },
  audit: null,
  run: async (_caller, input) => {
    throw new Error(`Could not hash "${input.password}" for ${input.email}`);
  },
});

function signUpForm() {
  const form = new FormData();
  form.set("email", "ada@example.com");
  form.set("password", PASSWORD);
  form.set("confirmPassword", PASSWORD);
  return form;
}

const HEX_ID = /^[0-9a-f]{16}$/;

describe("an unexpected error in a server action", () => {
  it("shows a generic message whose reference is the request id, and logs one error line with that id and no password", async () => {
    const errors = captureErrorLogs();
    const action = formAction(brokenSignUp);
    const state = await inRequestScope(null, () => action(undefined as never, signUpForm()), { "x-request-id": "lb-7f3a9c21d4e8" });

    expect(state).toMatchObject({ ok: false, formError: "Something went wrong on our side (reference lb-7f3a9c21d4e8). Please try again." });
    // The form is refilled without the secrets, and the error's own message is never shown.
    expect(JSON.stringify(state)).not.toContain(PASSWORD);
    expect(JSON.stringify(state)).not.toContain("Could not hash");

    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 50, kind: "action", requestId: "lb-7f3a9c21d4e8", operation: "test.brokenSignUp" });
    // The message and stack are kept for whoever investigates, with the typed password taken out.
    expect(errors[0].err?.message).toBe('Could not hash "[redacted]" for ada@example.com');
    expect(errors[0].raw).not.toContain(PASSWORD);
  });

  it("uses a fresh id when the request has none or an unsafe one, and the message and the log line still agree", async () => {
    for (const incoming of [undefined, "<script>alert(1)</script>", "x".repeat(65), "short"]) {
      const errors = captureErrorLogs();
      const headers: Record<string, string> = incoming === undefined ? {} : { "x-request-id": incoming };
      const state = await inRequestScope(null, () => formAction(brokenSignUp)(undefined as never, signUpForm()), headers);
      const reference = /\(reference ([^)]+)\)/.exec(state.ok ? "" : (state.formError ?? ""))?.[1];
      expect(reference).toMatch(HEX_ID);
      expect(errors.at(-1)?.requestId).toBe(reference);
      expect(JSON.stringify(errors)).not.toContain("<script>");
    }
  });
});

describe("an unexpected error in an /api/v1 call", () => {
  it("answers a 500 problem whose reference is the request id, logged once with the same id", async () => {
    const partner = await createPartnerWithKey();
    const broken = operation({
      name: "test.brokenList",
      summary: "Fails unexpectedly",
      input: z.object({}),
      access: { partner: "users.view" },
      audit: null,
      http: { method: "GET", path: "/broken" },
      run: async () => {
        throw new Error("connection reset by peer");
      },
    });
    const errors = captureErrorLogs();
    const response = await apiRoute(broken)(request("GET", "/broken", partner.apiKey, undefined, { "x-request-id": "edge-0042-a1b2c3d4" }));
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { detail: string };
    expect(body.detail).toBe("Something went wrong on our side (reference edge-0042-a1b2c3d4).");
    expect(body.detail).not.toContain("connection reset");
    expect(errors).toEqual([
      expect.objectContaining({ kind: "api", requestId: "edge-0042-a1b2c3d4", operation: "test.brokenList", err: expect.objectContaining({ message: "connection reset by peer" }) }),
    ]);
    expect(errors[0].raw).not.toContain(partner.apiKey);
  });
});

describe("the request id", () => {
  it("is given to every request by the proxy, keeping a caller's id only when it is a short safe token", async () => {
    const passed = async (incoming?: string) => {
      const response = await proxy(new NextRequest("http://localhost:3000/team", { headers: incoming ? { "x-request-id": incoming } : {} }));
      // What the app sees (Next applies x-middleware-request-* to the request) and what the client gets back.
      const seen = response.headers.get("x-middleware-request-x-request-id");
      expect(response.headers.get("x-request-id")).toBe(seen);
      return seen;
    };
    expect(await passed("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d")).toBe("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
    expect(await passed()).toMatch(HEX_ID);
    expect(await passed("id with spaces; and=more")).toMatch(HEX_ID);
    expect(await passed("x".repeat(200))).toMatch(HEX_ID);
    const [one, two] = [await passed(), await passed()];
    expect(one).not.toBe(two);
  });

  it("is on the log line of an error thrown while rendering a page, with the digest the error page shows", async () => {
    const errors = captureErrorLogs();
    const previous = process.env.NEXT_RUNTIME;
    process.env.NEXT_RUNTIME = "nodejs";
    try {
      const error = Object.assign(new Error("Cannot read properties of undefined"), { digest: "2841977510" });
      const context = { routerKind: "App Router", routePath: "/(public)/reset-password/[token]", routeType: "render", renderSource: "server-rendering", revalidateReason: undefined, renderType: "dynamic" } as const;
      await onRequestError(error, { path: "/reset-password/secret-path-token?next=secret-query-value", method: "GET", headers: { "x-request-id": "lb-5e6f7a8b9c0d" } }, context);
      // notFound() and redirect() are Next's control flow, not errors.
      await onRequestError(Object.assign(new Error("NEXT_NOT_FOUND"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" }), { path: "/x", method: "GET", headers: {} }, context);
    } finally {
      process.env.NEXT_RUNTIME = previous;
    }
    expect(errors).toEqual([
      expect.objectContaining({ kind: "render", requestId: "lb-5e6f7a8b9c0d", digest: "2841977510", method: "GET", route: "/(public)/reset-password/[token]" }),
    ]);
    expect(errors[0].raw).not.toMatch(/secret-path-token|secret-query-value/);
  });
});

describe("a malformed request to next-auth's routes", () => {
  it("is a 400 (or a redirect to the error page) and at most a warning: no error line, and never the path it sent", async () => {
    const { handlers } = await import("@/lib/auth/next-auth");
    const logged = captureErrorLogs();
    const warnings: string[] = [];
    const stdout = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      warnings.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    }) as typeof process.stdout.write;
    try {
      for (const path of ["/api/auth/not-an-action-xyz", "/api/auth/callback"]) {
        const response = await inRequestScope(null, () => handlers.GET(new NextRequest(`http://localhost:3000${path}`)));
        // Next-auth answers 400, or sends the browser to its error page (302): never a 500.
        expect([302, 400], path).toContain(response.status);
      }
    } finally {
      process.stdout.write = stdout;
    }
    expect(logged).toEqual([]);
    expect(warnings.join("")).not.toContain("not-an-action-xyz");
  });
});
