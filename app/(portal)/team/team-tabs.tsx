import Link from "next/link";

/** The team's views; Deleted users says how many can still be restored ("Deleted users (2)"). */
export function TeamTabs({ current, deletedCount }: { current: "members" | "deleted"; deletedCount: number }) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-blue-700 text-blue-800" : "border-transparent text-gray-700 hover:text-blue-800"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Team views" className="mb-4 flex gap-2 border-b border-gray-200">
      {tab("/team", "Team members", current === "members")}
      {tab("/team/deleted", `Deleted users (${deletedCount})`, current === "deleted")}
    </nav>
  );
}
