import Link from "next/link";

/** Previous/next links for numbered pages, keeping the other query parameters. */
export function Pager({ path, params, page, pageCount }: { path: string; params: Record<string, string | undefined>; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams(Object.entries({ ...params, page: String(target) }).filter(([, v]) => v) as [string, string][]);
    return `${path}?${query}`;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className="text-blue-700 underline">
          Previous page
        </Link>
      )}
      <span className="text-gray-700">
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <Link href={href(page + 1)} className="text-blue-700 underline">
          Next page
        </Link>
      )}
    </nav>
  );
}
