import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionGroups, auditActionLabel } from "@/lib/audit/actions";

// Every action lib/ records (recordAudit's `action:`, an operation's `audit:`)
// must be in the catalog, or the audit filter couldn't offer it.

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "generated") sourceFiles(path, out);
    } else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function recordedActions() {
  const found = new Map<string, string>();
  for (const file of sourceFiles("lib")) {
    const text = readFileSync(file, "utf8");
    // `action: "user.invited"`, `action: locked ? "a.b" : "a.c"`, `audit: ["a.b", "a.c"]`
    for (const match of text.matchAll(/\b(?:action|audit)\s*:\s*(\[[^\]]*\]|[^,}\n]*)/g)) {
      for (const literal of match[1].matchAll(/["'`]([a-z_]+\.[a-z_.]+)["'`]/g)) found.set(literal[1], file);
    }
  }
  return found;
}

describe("audit action catalog", () => {
  it("names every action recorded in lib/", () => {
    const recorded = recordedActions();
    expect(recorded.size).toBeGreaterThan(30); // the scan finds them
    const missing = [...recorded].filter(([action]) => !(action in AUDIT_ACTIONS)).map(([action, file]) => `${action} (${file})`);
    expect(missing).toEqual([]);
  });

  it("offers every action once, by its readable name", () => {
    const offered = auditActionGroups().flatMap((group) => group.actions.map((action) => action.value));
    expect(offered.sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
    expect(auditActionLabel("user.invited")).toBe("Team member invited");
    expect(auditActionLabel("something.unknown")).toBe("something.unknown");
  });
});
