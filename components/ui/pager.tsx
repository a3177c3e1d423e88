import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The one pager of every list (decision 0028): a summary on the left, the
 * links on the right. It takes links, not a paging scheme, so keyset lists
 * (a cursor: `first` and `next`) and numbered lists (`numberedPages`:
 * `previous` and `next`) look and read the same. Renders nothing when there
 * is neither a summary nor a link.
 */
export function Pager({
  label,
  summary,
  first,
  previous,
  next,
  nextLabel = "Next page",
}: {
  /** The navigation landmark's name, e.g. "Customers pages". */
  label: string;
  summary?: ReactNode;
  first?: string | null;
  previous?: string | null;
  next?: string | null;
  /** "Older events" on a list newest first. */
  nextLabel?: string;
}) {
  if (!summary && !first && !previous && !next) return null;
  const link = (href: string, text: string) => (
    <Link href={href} className="text-blue-700 underline">
      {text}
    </Link>
  );
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-4 text-sm text-gray-700">
      <span>{summary}</span>
      <span className="flex gap-3">
        {first && link(first, "First page")}
        {previous && link(previous, "Previous page")}
        {next && link(next, nextLabel)}
      </span>
    </nav>
  );
}

/** A link to `path` with these query parameters, empty ones left out. */
export function queryHref(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The Pager's props for a numbered (offset) list: "Page 2 of 7" (and the
 * total, when given), previous and next. One page and no total: nothing to show.
 */
export function numberedPages({ page, pageCount, total, href }: { page: number; pageCount: number; total?: number; href: (page: number) => string }) {
  if (pageCount <= 1 && total === undefined) return {};
  return {
    summary: `Page ${page} of ${pageCount}${total === undefined ? "" : ` · ${total} in all`}`,
    previous: page > 1 ? href(page - 1) : null,
    next: page < pageCount ? href(page + 1) : null,
  };
}
