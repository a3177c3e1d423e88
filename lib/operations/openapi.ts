import { z } from "zod";
import type { ApiOperation } from "./define.ts";
import { API_OPERATIONS } from "./registry.ts";

// The OpenAPI 3.1 document of /api/v1, generated from the registry and the
// operations' zod schemas (JSON Schema 2020-12, as OpenAPI 3.1 uses).

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const problemRef = { $ref: "#/components/schemas/Problem" };

function errorResponse(description: string, headers?: Record<string, unknown>) {
  return { description, content: { "application/problem+json": { schema: problemRef } }, ...(headers ? { headers } : {}) };
}

function pathFieldNames(op: ApiOperation): Record<string, string> {
  const names = [...op.http.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return Object.fromEntries(names.map((param) => [param, op.http.params?.[param] ?? param]));
}

function operationObject(op: ApiOperation) {
  const http = op.http;
  const status = String(http.status ?? 200);
  const shape = op.input.shape as Record<string, z.ZodType>;
  const pathFields = pathFieldNames(op);
  const inPath = new Set(Object.values(pathFields));
  const parameters: unknown[] = Object.entries(pathFields).map(([param, field]) => ({
    name: param,
    in: "path",
    required: true,
    schema: shape[field] ? jsonSchema(shape[field], "input") : { type: "string" },
  }));
  const hasBody = http.method === "POST" || http.method === "PATCH" || http.method === "PUT";
  let requestBody: unknown;
  if (hasBody) {
    const body = jsonSchema(op.input, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const field of inPath) delete body.properties?.[field];
    if (body.required) body.required = body.required.filter((field) => !inPath.has(field));
    if (body.required?.length === 0) delete body.required;
    requestBody = { required: true, content: { "application/json": { schema: { ...body, additionalProperties: false } } } };
  } else {
    for (const [field, schema] of Object.entries(shape)) {
      if (inPath.has(field)) continue;
      parameters.push({ name: field, in: "query", required: !schema.safeParse(undefined).success, schema: jsonSchema(schema, "input") });
    }
  }
  if (http.method === "POST") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "The same key and body within 24 hours returns the first response and does nothing again.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  const responses: Record<string, unknown> = {
    [status]:
      status === "204" || !op.output
        ? { description: "Done." }
        : { description: "Success.", content: { "application/json": { schema: jsonSchema(op.output, "output") } } },
    "401": errorResponse("No API key, or an unknown, revoked or expired one, or a suspended partner."),
    "403": errorResponse("The key lacks the permission."),
    "404": errorResponse("Unknown id, or another partner's."),
    "409": errorResponse("A conflict with the current state (e.g. the email is in use)."),
    "422": errorResponse("Validation failed (`errors` lists each field), or an unknown field was sent."),
    "429": errorResponse("Rate limit reached.", { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } }),
  };
  if (hasBody || http.method === "POST") {
    responses["400"] = errorResponse("Malformed JSON.");
    responses["413"] = errorResponse("Body over 1 MB.");
    responses["415"] = errorResponse("The body is not JSON.");
  }
  return {
    operationId: op.name,
    summary: op.summary,
    tags: [op.name.split(".")[0]],
    ...(op.access && "partner" in op.access && op.access.partner ? { "x-permission": op.access.partner } : {}),
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    (paths[op.http.path] ??= {})[op.http.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Partner Portal API",
      version: "1",
      description:
        "JSON API for partners. Create a key in Settings → API keys (or `npm run apikey`) and send `Authorization: Bearer <key>`. " +
        "Errors are RFC 9457 problem documents. POST accepts `Idempotency-Key`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "A partner API key (pp_live_…)." } },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            errors: {
              type: "array",
              items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" } } },
            },
          },
        },
      },
    },
  };
}
