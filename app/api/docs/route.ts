// The human API reference: Scalar's standalone bundle (pinned in package.json,
// served by ./scalar.js from node_modules: no CDN) rendering /api/v1/openapi.json.
// Scripts carry the nonce proxy.ts put in the request (nonce CSP).
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const nonce = (request.headers.get("x-nonce") ?? "").replace(/[^A-Za-z0-9+/=]/g, "");
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Partner Portal API</title></head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="/api/docs/scalar.js"></script>
<script nonce="${nonce}">Scalar.createApiReference("#app", { url: "/api/v1/openapi.json", withDefaultFonts: false, hideClientButton: true });</script>
</body>
</html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
