import { describe, expect, it } from "vitest";
import { describeChanges } from "@/components/audit/audit-table";

// The audit log shows what an event changed as lines a partner admin reads, not stored JSON.
describe("describeChanges", () => {
  it("shows a changed field as from → to and a set field as its value", () => {
    expect(describeChanges({ role: { from: "sales", to: "partner_admin" }, reason: { from: null, to: "left the company" } })).toEqual([
      "role: sales → partner_admin",
      "reason: left the company",
    ]);
  });

  it("shows lists and missing values readably", () => {
    expect(describeChanges({ permissions: { from: ["users.view"], to: [] }, managerId: { from: "a1", to: null } })).toEqual([
      'permissions: ["users.view"] → []',
      "managerId: a1 → none",
    ]);
  });

  it("shortens long lines in the console view and shows nothing for no changes", () => {
    const [line] = describeChanges({ note: { from: null, to: "x".repeat(300) } }, 40);
    expect(line).toHaveLength(40);
    expect(line.endsWith("…")).toBe(true);
    expect(describeChanges(null)).toEqual([]);
  });

  it("shows an event stored in another shape as it is", () => {
    expect(describeChanges({ count: 3 })).toEqual(["count: 3"]);
  });
});
