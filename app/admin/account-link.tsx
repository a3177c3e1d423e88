import Link from "next/link";

/** An account's name in a vendor console list, linking to its support page (app/admin/accounts/[id]). */
export function AccountLink({ account }: { account: { id: string; firstName: string; lastName: string } }) {
  return (
    <Link href={`/admin/accounts/${account.id}`} className="text-blue-700 underline">
      {account.firstName} {account.lastName}
    </Link>
  );
}
