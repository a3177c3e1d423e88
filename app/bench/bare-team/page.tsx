import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { firstValue, readId, type RawSearchParams } from "@/lib/http/params";

// The baseline of bench/page-load.ts (DESIGN §12): a Next.js page doing the
// team page's single query, with no session, permission or layout. It exists
// only when BENCH_PAGES=true; everywhere else it is "not found".
export default async function BareTeamPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const partner = readId(firstValue((await searchParams).partner));
  if (!env().BENCH_PAGES || !partner) notFound();
  const members = await db.user.findMany({
    where: { partnerId: partner, kind: "PARTNER", deletedAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: 51,
    select: { id: true, firstName: true, lastName: true, email: true, role: true, status: true },
  });
  return (
    <main>
      <h1>Team</h1>
      <table>
        <tbody>
          {members.map((member) => (
            <tr key={member.id}>
              <td>
                {member.firstName} {member.lastName}
              </td>
              <td>{member.email}</td>
              <td>{member.role}</td>
              <td>{member.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
