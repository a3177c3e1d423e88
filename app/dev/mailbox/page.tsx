import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/ui/format";
import { DevMailboxQuery, devMailboxOpenToThisRequest, listDevMailbox } from "@/lib/email/mailbox";
import { DataTable } from "@/components/ui/table";

export const metadata = { title: "Dev mailbox" };

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Loopback only (DESIGN §10): anyone else gets 404, whatever DEV_MAILBOX says.
  if (!(await devMailboxOpenToThisRequest())) notFound();
  const query = DevMailboxQuery.safeParse(await searchParams);
  // A filter that can't be used is ignored and explained next to the field.
  const to = query.success ? (query.data.to ?? "") : "";
  const toError = query.success ? undefined : query.error.issues[0]?.message;
  const messages = await listDevMailbox({ to });

  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Dev mailbox</h1>
      <p className="mt-1 mb-6 text-sm text-gray-700">
        Mail the app would have sent. Shown only in development, when <code>SMTP_URL</code> is not set.
      </p>

      <form method="get" className="mb-6 flex items-end gap-3">
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            Recipient
          </label>
          <input
            id="to"
            name="to"
            type="search"
            defaultValue={to}
            aria-invalid={toError ? true : undefined}
            aria-describedby={toError ? "to-error" : undefined}
            className="mt-1 w-72 rounded-md border border-gray-300 px-3 py-2 text-sm"
          />
          {toError && (
            <p id="to-error" className="mt-1 text-sm text-red-700">
              {toError} Showing all mail.
            </p>
          )}
        </div>
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800">
          Filter
        </button>
        {to && (
          <Link href="/dev/mailbox" className="py-2 text-sm text-blue-700 underline">
            Show all
          </Link>
        )}
      </form>

      {messages.length === 0 ? (
        <p className="text-gray-700">{to ? `No mail to “${to}”.` : "No mail yet."}</p>
      ) : (
        <DataTable caption="Messages, newest first" headers={["To", "Subject", "Received"]}>
          {messages.map((message) => (
            <tr key={message.id}>
              <td className="px-4 py-3">{message.to}</td>
              <td className="px-4 py-3">
                <Link href={`/dev/mailbox/${message.id}`} className="text-blue-700 underline hover:text-blue-800">
                  {message.subject}
                </Link>
              </td>
              <td className="px-4 py-3">{formatDateTime(message.createdAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </main>
  );
}
