import Link from "next/link";

/**
 * A list page's title with its primary action beside it ("Invite user",
 * "Add customer"…). Pass `action={false}` (e.g. `can(…) && {…}`) to leave the
 * link out for callers who may not use it.
 */
export function PageHeader({
  title,
  action,
  className = "mb-6",
}: {
  title: string;
  action?: { href: string; label: string } | false;
  /** The space below, "mb-6" unless told. */
  className?: string;
}) {
  return (
    <div className={`${className} flex items-center justify-between`}>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {action && (
        <Link href={action.href} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
          {action.label}
        </Link>
      )}
    </div>
  );
}
