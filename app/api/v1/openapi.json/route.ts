import { buildOpenApiDocument } from "@/lib/operations/openapi";

// The OpenAPI 3.1 document, generated from the operation registry (decision 0018). Public: it documents, it grants nothing.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "no-store" } });
}
