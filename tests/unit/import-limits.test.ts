import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";
import { IMPORT_MAX_BYTES, importFileSizeError } from "@/lib/customers/schemas";

// The parser Next itself uses for these settings (untyped, hence require).
const bytes = createRequire(import.meta.url)("next/dist/compiled/bytes") as { parse(value: string): number };

// A CSV file just over the import's limit must reach our own check (a field
// error next to the file input), not be cut off or refused by Next first
// (an error page): the multipart body around the file needs room too.
const MULTIPART_OVERHEAD = 64 * 1024;

describe("the import's file size limit", () => {
  it("lets a body with a file just over 10 MB reach the server's check", () => {
    const needed = IMPORT_MAX_BYTES + 1 + MULTIPART_OVERHEAD;
    expect(bytes.parse(String(nextConfig.experimental?.serverActions?.bodySizeLimit ?? "1mb"))).toBeGreaterThanOrEqual(needed);
    // proxy.ts buffers request bodies up to this size (10 MB by default) and passes the rest on cut short.
    expect(bytes.parse(String(nextConfig.experimental?.proxyClientMaxBodySize ?? "10mb"))).toBeGreaterThanOrEqual(needed);
  });

  it("answers the same message in the browser and on the server", () => {
    expect(importFileSizeError(IMPORT_MAX_BYTES)).toBeNull();
    expect(importFileSizeError(IMPORT_MAX_BYTES + 1)).toMatch(/^The file is larger than 10 MB\./);
  });
});
