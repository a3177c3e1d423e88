import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  choice,
  dateFilter,
  numericCursor,
  opaqueCursor,
  optionalId,
  pageNumber,
  readId,
  readSearchParams,
  readToken,
  searchText,
} from "@/lib/http/params";
import { AuditFilters, readAuditFilters } from "@/lib/audit/queries";
import { TeamListFilters } from "@/lib/team/schemas";
import { CustomerUserInput } from "@/lib/customers/schemas";
import { ForgotPasswordInput, SignInInput } from "@/lib/auth/schemas";
import { InviteUserInput } from "@/lib/team/schemas";

// The hostile values every route is also requested with (tests/e2e/hostile-input.spec.ts).
const HOSTILE = [
  "",
  "x".repeat(10_000),
  "\u0000",
  "a\u0000b",
  "1e300",
  "-1",
  "+275760-09-13",
  "99999999999999999999999",
  "not-a-uuid",
  "-".repeat(36),
  "eyJsIjoiXHUwMDAwIn0",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "Zoë 🚀 ﷽",
];

describe("the query-string parser", () => {
  it("never throws and never lets a control character or an over-long text through", () => {
    const schema = { q: searchText(200), page: pageNumber, id: optionalId, status: choice(["active", "disabled"] as const), after: opaqueCursor(500), before: numericCursor };
    for (const value of HOSTILE) {
      const raw = { q: value, page: value, id: value, status: value, after: value, before: value };
      const { values } = readSearchParams(raw, schema);
      expect(values.q === undefined || (values.q.length <= 200 && !/[\u0000-\u001f\u007f]/.test(values.q))).toBe(true);
      expect(Number.isSafeInteger(values.page) && values.page >= 1 && values.page <= 100_000).toBe(true);
      expect(values.id).toBeUndefined();
      expect(values.status).toBeUndefined();
      expect(values.before === undefined || values.before < 2n ** 63n).toBe(true);
    }
  });

  it("cuts a long search, strips NUL, turns a bad page into page 1 and ignores an unknown choice", () => {
    const { values, problems } = readSearchParams(
      { q: [`  Ada\u0000 ${"x".repeat(300)}`, "second"], page: "1e300", status: "archived" },
      { q: searchText(200), page: pageNumber, status: choice(["active"] as const) },
    );
    expect(values.q).toHaveLength(200);
    expect(values.q?.startsWith("Ada x")).toBe(true);
    expect(values.page).toBe(1);
    expect(values.status).toBeUndefined();
    expect(problems).toEqual({});
    expect(readSearchParams({ page: "7" }, { page: pageNumber }).values.page).toBe(7);
  });

  it("reports a bad date next to its field and keeps the other filters", () => {
    const { values, problems } = readSearchParams({ from: "+275760-09-13", to: "2026-02-30", actor: "nadia" }, AuditFilters);
    expect(problems).toEqual({ from: ["Enter a date like 2026-11-26."], to: ["Enter a date like 2026-11-26."] });
    expect(values).toMatchObject({ actor: "nadia", from: undefined, to: undefined });
    expect(readSearchParams({ from: "2026-11-26" }, AuditFilters).values.from).toEqual(new Date("2026-11-26T00:00:00Z"));
    expect(dateFilter.safeParse("99999999999999999999999").success).toBe(false);
  });

  it("reads the audit filters without failing on a cursor out of range or a NUL", () => {
    const { filters, values, problems } = readAuditFilters({ before: "99999999999999999999999", actor: "a\u0000b", partnerId: "-".repeat(36) });
    expect(filters.before).toBeUndefined();
    expect(filters.actor).toBe("ab");
    expect(filters.partnerId).toBeUndefined();
    expect(values.actor).toBe("ab");
    expect(problems).toEqual({});
  });

  it("reads team filters from a hostile query string without throwing", () => {
    const { values } = readSearchParams({ q: "x".repeat(201), after: "%%%", role: "<script>", sort: "\u0000" }, TeamListFilters);
    expect(values).toEqual({ q: "x".repeat(200), after: undefined, role: undefined, status: undefined, sort: "name" });
  });

  it("accepts only ids that can exist (UUIDs) and tokens as the app writes them", () => {
    expect(readId("0190C4D2-1111-7000-8000-000000000001")).toBe("0190c4d2-1111-7000-8000-000000000001");
    for (const value of ["not-a-uuid", "-".repeat(36), "", "0190c4d2-1111-7000-8000-00000000000\u0000", undefined, 42]) {
      expect(readId(value)).toBeNull();
    }
    expect(readToken("a".repeat(43))).toBe("a".repeat(43));
    expect(readToken("../../etc/passwd")).toBeNull();
    expect(readToken("x".repeat(10_000))).toBeNull();
  });
});

describe("text fields refuse control characters", () => {
  const message = "Remove the control characters from this field.";
  const errorsOf = (result: z.ZodSafeParseResult<unknown>, field: string) =>
    result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === field).map((issue) => issue.message);

  it("in names, email and phone", () => {
    const result = CustomerUserInput.safeParse({
      customerId: "0190c4d2-1111-7000-8000-000000000001",
      firstName: "Ada\u0000",
      lastName: "Love\u007flace",
      email: "ada\u0000@example.com",
      phone: "+1 415 555 0100\u0000",
    });
    for (const field of ["firstName", "lastName", "email", "phone"]) expect(errorsOf(result, field)).toContain(message);
    expect(errorsOf(InviteUserInput.safeParse({ firstName: "A\tB", lastName: "C", email: "a@b.co", role: "sales" }), "firstName")).toContain(message);
  });

  it("in sign-in and forgot password", () => {
    expect(errorsOf(ForgotPasswordInput.safeParse({ login: "nadia\u0000@northwind.example" }), "login")).toEqual([message]);
    expect(errorsOf(SignInInput.safeParse({ login: "\u0000", password: "x" }), "login")).toContain(message);
    expect(ForgotPasswordInput.safeParse({ login: " Nadia@Northwind.example " }).success).toBe(true);
  });
});

describe("checkbox groups posted by hand", () => {
  it("keep each choice once, however often the field is repeated", () => {
    const permissions = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? "users.view" : "customers.view"));
    const parsed = InviteUserInput.safeParse({ firstName: "Eve", lastName: "Probe", email: "eve@example.com", permissions });
    expect(parsed.data?.permissions).toEqual(["customers.view", "users.view"]);
  });
});
