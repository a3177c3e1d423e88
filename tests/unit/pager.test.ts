// The one pager (components/ui/pager.tsx): numbered lists and keyset lists get
// the same links, and the URLs they had before keep working.
import { describe, expect, it } from "vitest";
import { numberedPages, queryHref } from "@/components/ui/pager";

describe("pager links", () => {
  it("keep the list's filters, leave out empty ones, and add the page", () => {
    expect(queryHref("/admin/partners", { q: "north wind", page: "2" })).toBe("/admin/partners?q=north+wind&page=2");
    expect(queryHref("/admin/partners", { q: undefined, page: "2" })).toBe("/admin/partners?page=2");
    expect(queryHref("/team", { q: "", status: "ACTIVE", role: null, sort: "name", after: "abc" })).toBe("/team?status=ACTIVE&sort=name&after=abc");
    expect(queryHref("/team", {})).toBe("/team");
  });

  it("numbered pages: the page and its count, previous and next only where they exist", () => {
    const href = (page: number) => `/customers?page=${page}`;
    expect(numberedPages({ page: 1, pageCount: 3, total: 120, href })).toEqual({ summary: "Page 1 of 3 · 120 in all", previous: null, next: "/customers?page=2" });
    expect(numberedPages({ page: 3, pageCount: 3, href })).toEqual({ summary: "Page 3 of 3", previous: "/customers?page=2", next: null });
  });

  it("shows nothing for a single page without a total (the vendor console's lists)", () => {
    expect(numberedPages({ page: 1, pageCount: 1, href: String })).toEqual({});
  });
});
