import { describe, expect, it } from "vitest";
import { InviteUserInput } from "@/lib/team/schemas";

const valid = { firstName: " Ada ", lastName: "Lovelace", email: " Ada@Example.COM ", role: "sales" };

function errorsOf(input: Record<string, unknown>) {
  const result = InviteUserInput.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

describe("invite input", () => {
  it("trims names and email but keeps the email's casing for display", () => {
    const parsed = InviteUserInput.parse(valid);
    expect(parsed.firstName).toBe("Ada");
    expect(parsed.email).toBe("Ada@Example.COM");
  });

  it("refuses an invite with neither a role nor a permission", () => {
    expect(errorsOf({ ...valid, role: "" })).toEqual({ permissions: ["Choose a role or at least one permission."] });
  });

  it("accepts permissions without a role, from one or several checkboxes", () => {
    expect(InviteUserInput.parse({ ...valid, role: "", permissions: "users.view" }).permissions).toEqual(["users.view"]);
    expect(InviteUserInput.parse({ ...valid, role: "", permissions: ["users.view", "audit.view"] }).permissions).toHaveLength(2);
  });

  it("reports every bad field at once, each with its own message", () => {
    const errors = errorsOf({ firstName: "", lastName: "", email: "not-an-email", phone: "12", role: "" });
    expect(Object.keys(errors).sort()).toEqual(["email", "firstName", "lastName", "permissions", "phone"]);
    expect(errors.email[0]).toMatch(/valid email/);
    expect(errors.phone[0]).toMatch(/country code/);
  });

  it("stores a phone number in E.164", () => {
    expect(InviteUserInput.parse({ ...valid, phone: "+44 20 7946 0958" }).phone).toBe("+442079460958");
    expect(InviteUserInput.parse({ ...valid, phone: "" }).phone).toBeNull();
  });

  it("refuses unknown roles and permissions", () => {
    expect(Object.keys(errorsOf({ ...valid, role: "superuser" }))).toEqual(["role"]);
    expect(Object.keys(errorsOf({ ...valid, permissions: ["users.view", "god.mode"] }))).toEqual(["permissions"]);
  });
});
