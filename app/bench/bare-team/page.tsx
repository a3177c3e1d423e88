import { db } from "@/lib/db/client";
import type { RawSearchParams } from "@/lib/http/params";
import { BareTable, benchPageId } from "../bare-page";

// The baseline of bench/page-load.ts (DESIGN §12): a Next.js page doing the
// team page's single query, with no session, permission or layout. It exists
// only when BENCH_PAGES=true; everywhere else it is "not found".
export default async function BareTeamPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const partner = await benchPageId(searchParams, "partner");
  const members = await db.user.findMany({
    where: { partnerId: partner, kind: "PARTNER", deletedAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: 51,
    select: { id: true, firstName: true, lastName: true, email: true, role: true, status: true },
  });
  const rows = members.map((member) => ({ id: member.id, cells: [`${member.firstName} ${member.lastName}`, member.email, member.role, member.status] }));
  return <BareTable heading="Team" rows={rows} />;
}
