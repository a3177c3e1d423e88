import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToInput, searchParamsToInput } from "@/lib/operations/coerce";

const Schema = z.object({
  name: z.string(),
  tags: z.array(z.string()),
  active: z.boolean(),
  limit: z.number().int().optional(),
  note: z.string().optional(),
});

describe("form data and query strings → canonical input", () => {
  it("reads arrays with getAll, booleans from on/true/1 (absent: false), numbers, drops $ACTION keys", () => {
    const form = new FormData();
    form.append("name", "Ada");
    form.append("tags", "a");
    form.append("limit", "20");
    form.append("$ACTION_ID_abc", "x");
    const { input, raw } = formDataToInput(Schema, form);
    expect(input).toEqual({ name: "Ada", tags: ["a"], limit: 20, active: false });
    expect(raw).not.toHaveProperty("$ACTION_ID_abc");
    expect(Schema.safeParse(input).success).toBe(true);

    form.append("active", "on");
    form.append("tags", "b");
    form.set("limit", "");
    expect(formDataToInput(Schema, form).input).toEqual({ name: "Ada", tags: ["a", "b"], active: true, limit: undefined });
  });

  it("keeps a non-number as text so the schema reports it, and query strings read the same way", () => {
    const input = searchParamsToInput(Schema, new URLSearchParams("limit=ten&tags=x&active=false"));
    expect(input).toEqual({ limit: "ten", tags: ["x"], active: false });
    expect(Schema.safeParse(input).success).toBe(false);
  });
});
