import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/ui/format";
import { devMailboxOpenToThisRequest, getDevMailboxMessage } from "@/lib/email/mailbox";

export const metadata = { title: "Dev mailbox message" };

export default async function DevMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  // Loopback only (DESIGN §10): anyone else gets 404, whatever DEV_MAILBOX says.
  if (!(await devMailboxOpenToThisRequest())) notFound();
  const { id } = await params;
  const message = await getDevMailboxMessage(id);
  if (!message) notFound();

  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <Link href="/dev/mailbox" className="text-sm text-blue-700 underline">
        Back to the dev mailbox
      </Link>
      <h1 className="mt-4 text-2xl font-semibold">{message.subject}</h1>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">To</dt>
        <dd>{message.to}</dd>
        <dt className="font-semibold">Received</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
      </dl>

      <section aria-labelledby="links-heading" className="mt-6">
        <h2 id="links-heading" className="text-lg font-semibold">Links</h2>
        {message.links.length === 0 ? (
          <p className="mt-1 text-sm text-gray-700">This email has no links.</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
            {message.links.map((href) => (
              <li key={href}>
                <a href={href} className="break-all text-blue-700 underline hover:text-blue-800">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="html-heading" className="mt-6">
        <h2 id="html-heading" className="text-lg font-semibold">HTML</h2>
        {/* Empty sandbox: the email can't run scripts or navigate; its links are listed above instead. */}
        <iframe
          sandbox=""
          srcDoc={message.html}
          title="Email preview"
          className="mt-2 h-[640px] w-full rounded-lg border border-gray-200 bg-white"
        />
      </section>

      <section aria-labelledby="text-heading" className="mt-6">
        <h2 id="text-heading" className="text-lg font-semibold">Plain text</h2>
        <pre className="mt-2 overflow-x-auto rounded-lg border border-gray-200 bg-white p-4 text-sm whitespace-pre-wrap">
          {message.text}
        </pre>
      </section>
    </main>
  );
}
