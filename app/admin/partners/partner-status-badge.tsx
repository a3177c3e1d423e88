export function PartnerStatusBadge({ status }: { status: "ACTIVE" | "SUSPENDED" }) {
  return status === "ACTIVE" ? (
    <span className="inline-block rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">Active</span>
  ) : (
    <span className="inline-block rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">Suspended</span>
  );
}
