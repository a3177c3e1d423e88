import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { firstValue, readId, type RawSearchParams } from "@/lib/http/params";

/** The id a bare page lists (`?name=<uuid>`); "not found" unless BENCH_PAGES=true and the id is well-formed. */
export async function benchPageId(searchParams: Promise<RawSearchParams>, name: string): Promise<string> {
  const id = readId(firstValue((await searchParams)[name]));
  if (!env().BENCH_PAGES || !id) notFound();
  return id;
}

// The markup of the bare baseline pages (bench/page-load.ts): a heading and a plain table of text, nothing else.
export function BareTable({ heading, rows }: { heading: string; rows: { id: string; cells: (string | null)[] }[] }) {
  return (
    <main>
      <h1>{heading}</h1>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {row.cells.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
