// Shared helpers for /api/v1 tests (decision 0018): requests to the exported
// route handlers, and contract(), which checks every response against the
// generated OpenAPI document. `checked` lists what a test file covered.
import { expect } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { buildOpenApiDocument } from "@/lib/operations/openapi";

export const doc = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(doc.components.schemas.Problem, "#/components/schemas/Problem");
export const checked: string[] = [];

/** Every response a test receives must be documented, and its body must match the documented schema. */
export async function contract(path: string, method: string, response: Response) {
  const operation = (doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>)[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} documented`).toBeDefined();
  const documented = operation!.responses[String(response.status)];
  expect(documented, `${method} ${path} ${response.status} documented`).toBeDefined();
  const text = await response.clone().text();
  if (response.status === 204) {
    checked.push(`${method} ${path} 204`);
    return expect(text).toBe("");
  }
  const [type, entry] = Object.entries(documented!.content ?? {})[0] ?? [];
  expect(response.headers.get("content-type")).toBe(type);
  const schema = JSON.parse(JSON.stringify(entry!.schema));
  const validate = ajv.compile(schema.$ref ? { $ref: schema.$ref } : schema);
  expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  checked.push(`${method} ${path} ${response.status}`);
}

const BASE = "http://localhost:3000/api/v1";

export function request(method: string, path: string, key: string | null, body?: unknown, headers: Record<string, string> = {}) {
  return new Request(BASE + path, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The route context Next passes a handler: its path parameters. */
export const params = (id: string) => ({ params: Promise.resolve({ id }) });
export const routeParams = (values: Record<string, string>) => ({ params: Promise.resolve(values) });
