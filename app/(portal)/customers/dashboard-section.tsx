import Link from "next/link";
import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { listOwnLicenses } from "@/lib/customers/customer-users";

/** The dashboard's customers part: a customer user's licenses, or a partner's way to customers. */
export async function CustomersDashboardSection({ caller }: { caller: Caller }) {
  if (caller.kind === "CUSTOMER") {
    const licenses = await listOwnLicenses(caller.userId);
    return (
      <section aria-labelledby="my-licenses" className="mt-8 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="my-licenses" className="text-lg font-semibold">
          Your licenses
        </h2>
        {licenses.length === 0 ? (
          <p className="mt-1 text-sm text-gray-700">You have no licenses yet. Your administrator assigns them.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {licenses.map((license) => (
              <li key={license.code}>
                <span className="font-medium">{license.name}</span> <span className="text-gray-600">{license.description}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  if (caller.kind !== "PARTNER" || !can(caller, "customers.view")) return null;
  return (
    <section className="mt-8 rounded-lg border border-gray-200 bg-white p-6">
      <h2 className="text-lg font-semibold">Customers</h2>
      <p className="mt-1 text-sm text-gray-700">Your customers, their users and licenses.</p>
      <div className="mt-4 flex gap-4 text-sm font-semibold">
        <Link href="/customers" className="text-blue-700 underline">
          Go to Customers
        </Link>
        {can(caller, "orders.create") && (
          <Link href="/orders/new" className="text-blue-700 underline">
            Place an order
          </Link>
        )}
      </div>
    </section>
  );
}
