"use client";

// Shown when a page fails unexpectedly (expected errors are 403/404 pages or
// field errors). Never the error's message: in production a server error
// arrives with a generic message and a digest, the reference that matches the
// server's log line (instrumentation.ts's onRequestError logs it with the
// request id), which is what support needs. global-error.tsx reuses it.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-gray-700">
        We couldn&apos;t show this page. Please try again; if it keeps happening, contact support
        {digest ? " and mention the reference below" : ""}.
      </p>
      {digest && (
        <p className="mt-4 text-sm text-gray-600">
          Reference: <code className="font-mono">{digest}</code>
        </p>
      )}
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
          Try again
        </button>
        {/* A full page load on purpose: after a failure (global-error.tsx: the root layout's) the client router may be what broke. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="py-2 text-sm text-blue-700 underline">
          Go to the dashboard
        </a>
      </div>
    </main>
  );
}
