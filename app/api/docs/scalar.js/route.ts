import { readFile } from "node:fs/promises";
import path from "node:path";

// @scalar/api-reference's browser bundle, from our own node_modules (version pinned in package.json).
const BUNDLE = path.join(process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js");
let cached: Promise<Buffer> | undefined;

export async function GET() {
  const body = await (cached ??= readFile(BUNDLE));
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
