import { StatusBadge } from "@/components/ui/status-badge";

export const KIND_LABELS = { STAFF: "Vendor staff", PARTNER: "Partner user", CUSTOMER: "Customer user" } as const;

export function AccountStatus({ status, deletedAt }: { status: string; deletedAt: Date | null }) {
  if (deletedAt) {
    return <span className="inline-block rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">Deleted</span>;
  }
  return <StatusBadge status={status} />;
}
