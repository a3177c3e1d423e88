import type { ReactNode } from "react";

/** What a link's page (activation, password reset, email change) shows when its token is unknown, used or expired: why, and what to do instead. */
export function UnusableLink({ reason, children }: { reason: ReactNode; children: ReactNode }) {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">This link can&apos;t be used</h1>
      <p className="mb-6 text-sm text-gray-700">{reason}</p>
      {children}
    </>
  );
}
