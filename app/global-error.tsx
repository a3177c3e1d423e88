"use client";

import ErrorPage from "./error";
import "./globals.css";

// Shown when the root layout itself fails: it replaces the layout, so it
// brings its own <html> and <body>, and shows the same page as error.tsx
// (the digest as the reference that matches the server's log line).
export default function GlobalError(props: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
