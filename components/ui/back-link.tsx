import type { ReactNode } from "react";
import Link from "next/link";

/** The small "back to …" link above a page's title. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-blue-700 underline">
        {children}
      </Link>
    </p>
  );
}
