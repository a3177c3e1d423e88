import Link from "next/link";

export function Pagination({
  page,
  pageCount,
  total,
  href,
  label,
}: {
  page: number;
  pageCount: number;
  total: number;
  href: (page: number) => string;
  label: string;
}) {
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between text-sm text-gray-700">
      <span>
        Page {page} of {pageCount} · {total} in all
      </span>
      <span className="flex gap-3">
        {page > 1 && (
          <Link href={href(page - 1)} className="text-blue-700 underline">
            Previous page
          </Link>
        )}
        {page < pageCount && (
          <Link href={href(page + 1)} className="text-blue-700 underline">
            Next page
          </Link>
        )}
      </span>
    </nav>
  );
}

/**
 * Paging by cursor (keyset lists, lib/lists/name-keyset.ts): a count that
 * may be capped ("1,000+ users"), back to the first page, and on to the next.
 */
export function CursorPager({ summary, firstHref, nextHref, label }: { summary: string; firstHref: string | null; nextHref: string | null; label: string }) {
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between text-sm text-gray-700">
      <span>{summary}</span>
      <span className="flex gap-3">
        {firstHref && (
          <Link href={firstHref} className="text-blue-700 underline">
            First page
          </Link>
        )}
        {nextHref && (
          <Link href={nextHref} className="text-blue-700 underline">
            Next page
          </Link>
        )}
      </span>
    </nav>
  );
}
