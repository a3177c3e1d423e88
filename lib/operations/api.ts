import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { db } from "../db/client.ts";
import { ConflictError } from "../errors.ts";
import { authenticateApiKey } from "../api-keys/authenticate.ts";
import type { Access, AnyInput, AnyOperation, Operation } from "./define.ts";
import { authorize, executeOperation } from "./run.ts";
import { errorToProblem, RequestProblem } from "./errors.ts";
import { searchParamsToInput } from "./coerce.ts";
import { REQUEST_ID_HEADER, requestIdFrom } from "../observability/request-id.ts";

// The /api/v1 adapter: JSON (body, path params, query) → input → operation →
// JSON. Errors are RFC 9457 problem documents through the one mapper.
// Nothing here decides what an operation may do: that is the operation's.

const MAX_BODY_BYTES = 1024 * 1024;
import { IDEMPOTENCY_WINDOW_MS } from "./idempotency.ts";

type RouteContext = { params?: Promise<Record<string, string | string[]>> };
export type ApiHandler = ((request: Request, context?: RouteContext) => Promise<Response>) & { operation: AnyOperation };

function json(status: number, body: unknown, headers: Record<string, string> = {}, contentType = "application/json") {
  if (status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": contentType, "Cache-Control": "no-store", ...headers } });
}

async function readBody(request: Request): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new RequestProblem(400, "Malformed request body", "The request body is not UTF-8 text.");
  }
}

const tooLarge = () => new RequestProblem(413, "Content too large", `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB.`);

function parseJsonObject(text: string, contentType: string | null): Record<string, unknown> {
  if (text.trim() === "") return {};
  if (contentType && !/json/i.test(contentType)) {
    throw new RequestProblem(415, "Unsupported media type", "Send the body as JSON (Content-Type: application/json).");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestProblem(400, "Malformed JSON", "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new RequestProblem(400, "Malformed JSON", "The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

/** Fields the operation doesn't take are refused, never silently dropped. */
function refuseUnknown(schema: z.ZodObject, values: Record<string, unknown>, pathFields: Set<string>) {
  const shape = schema.shape as Record<string, unknown>;
  const unknown = Object.keys(values).filter((key) => !(key in shape) || pathFields.has(key));
  if (unknown.length > 0) {
    throw new RequestProblem(
      422,
      "Unprocessable content",
      "The request has fields this operation doesn't take.",
      Object.fromEntries(unknown.map((key) => [key, [pathFields.has(key) ? "Given in the path, not here." : "Unknown field."]])),
    );
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

type Replay = { status: number; body: string };

/** Reserves `key` for this request, or returns the first answer to the same request; another request with the key → 422. */
async function reserveIdempotencyKey(apiKeyId: string, key: string, requestHash: string, now: Date): Promise<Replay | null> {
  await db.idempotencyRecord.deleteMany({ where: { apiKeyId, key, createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) } } });
  const inserted = await db.$executeRaw`
    INSERT INTO "IdempotencyRecord" ("apiKeyId", "key", "requestHash", "status", "body", "createdAt")
    VALUES (${apiKeyId}::uuid, ${key}, ${requestHash}, 0, '', ${now}) ON CONFLICT DO NOTHING`;
  if (inserted === 1) return null;
  const existing = await db.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
  if (existing && existing.requestHash !== requestHash) {
    throw new RequestProblem(422, "Idempotency-Key reused", "This Idempotency-Key was already used with a different request.", {
      "Idempotency-Key": ["Use a new key for a different request."],
    });
  }
  if (!existing || existing.status === 0) throw new ConflictError("A request with this Idempotency-Key is still being processed. Retry shortly.");
  return { status: existing.status, body: existing.body };
}

/**
 * A route handler over a partner operation (decision 0018):
 * `export const POST = apiRoute(inviteUser)` in app/api/v1/users/route.ts.
 * Method, path, success status and path parameters come from `op.http`.
 */
export function apiRoute(op: AnyOperation): ApiHandler {
  if (!op.http) throw new Error(`${op.name} has no http binding.`);
  const http = op.http;
  const status = http.status ?? 200;
  const hasBody = http.method === "POST" || http.method === "PATCH" || http.method === "PUT";
  const handler = async (request: Request, context?: RouteContext): Promise<Response> => {
    let reservation: { apiKeyId: string; key: string } | null = null;
    try {
      const caller = await authenticateApiKey(request.headers);
      authorize(op as Operation<AnyInput, Access, unknown>, caller); // before reading anything: a key without the permission learns nothing more

      const params = (await context?.params) ?? {};
      const pathInput: Record<string, unknown> = {};
      for (const [param, value] of Object.entries(params)) pathInput[http.params?.[param] ?? param] = Array.isArray(value) ? value[0] : value;
      const pathFields = new Set(Object.keys(pathInput));

      let text = "";
      let values: Record<string, unknown>;
      if (hasBody) {
        text = await readBody(request);
        values = parseJsonObject(text, request.headers.get("content-type"));
      } else {
        values = searchParamsToInput(op.input, new URL(request.url).searchParams);
      }
      refuseUnknown(op.input, values, pathFields);

      const idempotencyKey = request.headers.get("idempotency-key");
      if (idempotencyKey !== null && http.method === "POST") {
        if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
          throw new RequestProblem(400, "Malformed Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters.");
        }
        const requestHash = createHash("sha256")
          .update(JSON.stringify([http.method, new URL(request.url).pathname, canonical(values)]))
          .digest("hex");
        const replay = await reserveIdempotencyKey(caller.apiKeyId, idempotencyKey, requestHash, new Date());
        if (replay) {
          return replay.status === 204
            ? new Response(null, { status: 204, headers: { "Idempotent-Replayed": "true" } })
            : new Response(replay.body, { status: replay.status, headers: { "Content-Type": "application/json", "Idempotent-Replayed": "true" } });
        }
        reservation = { apiKeyId: caller.apiKeyId, key: idempotencyKey };
      }

      const { result } = await executeOperation(op as Operation<AnyInput, Access, unknown>, { ...values, ...pathInput }, caller);
      const body = status === 204 || !op.output ? null : op.output.parse(JSON.parse(JSON.stringify(result ?? null)));
      const response = json(status, body);
      if (reservation) {
        await db.idempotencyRecord.update({
          where: { apiKeyId_key: reservation },
          data: { status, body: body === null ? "" : JSON.stringify(body) },
        });
      }
      return response;
    } catch (error) {
      // Only a success is remembered: after a refusal the client may fix the request and retry with the same key.
      if (reservation) await db.idempotencyRecord.deleteMany({ where: reservation }).catch(() => {});
      const { body, headers } = errorToProblem(error, { requestId: requestIdFrom(request.headers.get(REQUEST_ID_HEADER)), operation: op.name });
      return json(body.status, body, headers, "application/problem+json");
    }
  };
  return Object.assign(handler, { operation: op });
}
