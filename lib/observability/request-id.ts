// The request id (decision 0026): proxy.ts gives every request one, in the
// x-request-id header, keeping a caller's own only when it is a short safe
// token (a load balancer's UUID, say); the generic "something went wrong
// (reference …)" message shows it and the error's log line carries it.
// Pure and dependency-free: proxy.ts and route code both import it.

export const REQUEST_ID_HEADER = "x-request-id";

/** Letters, digits, "-", "_" and "."; 8 to 64 of them: safe in a log line, a header and a sentence. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** 16 hex characters (64 random bits): unique enough to find one line among a day's logs, short enough to read out. */
function newRequestId(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 16);
}

/** The caller's id when it is a safe token, else a new one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : newRequestId();
}
