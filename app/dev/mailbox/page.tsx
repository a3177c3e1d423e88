import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/ui/format";
import { devMailboxEnabled, listDevMailbox } from "@/lib/email/mailbox";

export const metadata = { title: "Dev mailbox" };

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  if (!devMailboxEnabled()) notFound();
  const { to: toParam } = await searchParams;
  const to = (Array.isArray(toParam) ? toParam[0] : toParam)?.trim() ?? "";
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
            className="mt-1 w-72 rounded-md border border-gray-300 px-3 py-2 text-sm"
          />
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
        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <caption className="sr-only">Messages, newest first</caption>
            <thead className="bg-gray-50 text-left">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">To</th>
                <th scope="col" className="px-4 py-3 font-semibold">Subject</th>
                <th scope="col" className="px-4 py-3 font-semibold">Received</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
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
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
