import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { firstValue, readId, type RawSearchParams } from "@/lib/http/params";

// The baseline for /customers/{id}/users in bench/page-load.ts (DESIGN §12): a
// Next.js page doing that list's single query (users with their licenses), with
// no session, permission or layout. It exists only when BENCH_PAGES=true.
export default async function BareCustomerUsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const customer = readId(firstValue((await searchParams).customer));
  if (!env().BENCH_PAGES || !customer) notFound();
  const users = await db.user.findMany({
    where: { customerId: customer, kind: "CUSTOMER", deletedAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: 51,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      status: true,
      licenses: { select: { subscription: { select: { product: { select: { name: true } } } } } },
    },
  });
  return (
    <main>
      <h1>Users</h1>
      <table>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                {user.firstName} {user.lastName}
              </td>
              <td>{user.email}</td>
              <td>{user.status}</td>
              <td>{user.licenses.map((l) => l.subscription.product.name).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
