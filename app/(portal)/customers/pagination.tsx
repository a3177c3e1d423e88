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
