import { describe, expect, it } from "vitest";
import { EditUserInput, TeamListFilters } from "@/lib/team/schemas";

const base = { userId: "0190c4d2-1111-7000-8000-000000000001", firstName: "Ada", lastName: "Lovelace" };

describe("edit user input", () => {
  it("reports every field error at once", () => {
    const result = EditUserInput.safeParse({ userId: "nope", firstName: "", lastName: "", phone: "12", role: "", notifications: ["bogus"] });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => String(i.path[0])));
    expect(fields).toEqual(new Set(["userId", "firstName", "lastName", "phone", "notifications", "permissions"]));
  });

  it("accepts a single checkbox value as a list and an empty manager as none", () => {
    const input = EditUserInput.parse({ ...base, role: "sales", permissions: "audit.view", managerId: "", notifications: "weekly_summary" });
    expect(input).toMatchObject({ role: "sales", permissions: ["audit.view"], managerId: null, notifications: ["weekly_summary"] });
  });
});

describe("team list filters", () => {
  it("ignores unknown values instead of failing a bookmarked URL", () => {
    expect(TeamListFilters.parse({ status: "archived", role: "owner", sort: "age", q: "  " })).toEqual({
      status: undefined,
      role: undefined,
      q: undefined,
      sort: "name",
      after: undefined,
    });
    expect(TeamListFilters.parse({ status: "invited", role: "sales", q: " Ada ", sort: "lastSignIn" })).toMatchObject({
      status: "invited",
      role: "sales",
      q: "Ada",
      sort: "lastSignIn",
    });
  });
});
