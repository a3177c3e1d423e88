"use client";
import { useActionState, useMemo } from "react";
import { emailCredentialsAction } from "@/lib/customers/actions";
import { toCsv } from "@/lib/csv/write";

export type ShownCredential = { userId: string; name: string; username: string; temporaryPassword: string };

/**
 * The one time temporary passwords are shown (DESIGN §4). They exist only in
 * this page's memory: Print and Download build from it in the browser, and
 * "Email to me" sends them back to be checked against their hashes and
 * mailed sealed through the outbox.
 */
export function CredentialsConfirmation({
  customerId,
  credentials,
  heading,
  intro,
}: {
  customerId: string;
  credentials: ShownCredential[];
  heading: string;
  intro: string;
}) {
  const [emailState, emailAction, emailing] = useActionState(emailCredentialsAction, null);
  const csvHref = useMemo(() => {
    const text = toCsv([["Name", "User name", "Temporary password"], ...credentials.map((c) => [c.name, c.username, c.temporaryPassword])]);
    return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
  }, [credentials]);

  return (
    <section aria-labelledby="credentials-heading" className="credentials rounded-lg border border-gray-200 bg-white p-6">
      {/* Printing shows only the credentials: the portal's header and every other control are hidden. */}
      <style>{`@media print { body header, nav, .print-hidden { display: none !important; } .credentials { border: 0; padding: 0; } }`}</style>
      <h2 id="credentials-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      <p className="mt-1 text-sm text-gray-700">{intro}</p>
      <p className="mt-1 text-sm text-gray-700">
        This is the only time the passwords are shown. Each user must choose a new password when they first sign in.
      </p>
      <div className="mt-4 overflow-x-auto">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">User names and temporary passwords</caption>
          <thead className="text-left">
            <tr>
              <th scope="col" className="py-2 pr-4 font-semibold">Name</th>
              <th scope="col" className="py-2 pr-4 font-semibold">User name</th>
              <th scope="col" className="py-2 font-semibold">Temporary password</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {credentials.slice(0, 10_000).map((credential) => (
              <tr key={credential.userId}>
                <td className="py-2 pr-4">{credential.name}</td>
                <td className="py-2 pr-4 font-mono">{credential.username}</td>
                <td className="py-2 font-mono">{credential.temporaryPassword}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="print-hidden mt-4 flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => window.print()}
          className="rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-50"
        >
          Print
        </button>
        <a
          href={csvHref}
          download="temporary-passwords.csv"
          className="rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-50"
        >
          Download as CSV
        </a>
        <form action={emailAction}>
          <input type="hidden" name="customerId" value={customerId} />
          <input
            type="hidden"
            name="temporaryPasswords"
            value={JSON.stringify(credentials.map(({ userId, temporaryPassword }) => ({ userId, temporaryPassword })))}
          />
          <button
            type="submit"
            disabled={emailing}
            className="rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-50 disabled:opacity-60"
          >
            {emailing ? "Sending…" : "Email to me"}
          </button>
        </form>
        {emailState && (
          <p role={emailState.ok ? "status" : "alert"} className={`text-sm ${emailState.ok ? "text-green-800" : "text-red-700"}`}>
            {emailState.ok ? emailState.message : (emailState.fieldErrors?.temporaryPasswords?.[0] ?? emailState.formError)}
          </p>
        )}
      </div>
    </section>
  );
}
