import { db } from "@/lib/db/client";
import type { RawSearchParams } from "@/lib/http/params";
import { BareTable, benchPageId } from "../bare-page";

// The baseline for /customers/{id}/users in bench/page-load.ts (DESIGN §12): a
// Next.js page doing that list's single query (users with their licenses), with
// no session, permission or layout. It exists only when BENCH_PAGES=true.
export default async function BareCustomerUsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const customer = await benchPageId(searchParams, "customer");
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
  const rows = users.map((user) => ({
    id: user.id,
    cells: [`${user.firstName} ${user.lastName}`, user.email, user.status, user.licenses.map((l) => l.subscription.product.name).join(", ")],
  }));
  return <BareTable heading="Users" rows={rows} />;
}
