const styles: Record<string, string> = {
  ACTIVE: "bg-green-100 text-green-900",
  INVITED: "bg-blue-100 text-blue-900",
  EXPIRED: "bg-amber-100 text-amber-900",
  DISABLED: "bg-gray-200 text-gray-800",
};

const labels: Record<string, string> = {
  ACTIVE: "Active",
  INVITED: "Invited",
  EXPIRED: "Invitation expired",
  DISABLED: "Disabled",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${styles[status] ?? styles.DISABLED}`}>
      {labels[status] ?? status}
    </span>
  );
}
