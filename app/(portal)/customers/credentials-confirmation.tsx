"use client";
import { useMemo } from "react";
import { emailCredentialsAction } from "@/lib/customers/actions";
import { toCsv } from "@/lib/csv/write";
import { DataTable } from "@/components/ui/table";
import { ActionForm, SubmitButton, useField } from "@/components/form/action-form";

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
      <DataTable caption="User names and temporary passwords" headers={["Name", "User name", "Temporary password"]} className="mt-4">
        {credentials.slice(0, 10_000).map((credential) => (
          <tr key={credential.userId}>
            <td className="px-4 py-2">{credential.name}</td>
            <td className="px-4 py-2 font-mono">{credential.username}</td>
            <td className="px-4 py-2 font-mono">{credential.temporaryPassword}</td>
          </tr>
        ))}
      </DataTable>
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
        <ActionForm
          action={emailCredentialsAction}
          hiddenFields={{
            customerId,
            temporaryPasswords: JSON.stringify(credentials.map(({ userId, temporaryPassword }) => ({ userId, temporaryPassword }))),
          }}
          messageAt="end"
          className="flex flex-wrap items-center gap-3"
        >
          <SubmitButton variant="secondary" pendingLabel="Sending…">
            Email to me
          </SubmitButton>
          <PasswordsError />
        </ActionForm>
      </div>
    </section>
  );
}

/** A refusal of the passwords sent back (changed or not this customer's): the hidden field has no input to sit next to. */
function PasswordsError() {
  const { errors } = useField("temporaryPasswords");
  return errors?.length ? (
    <p role="alert" className="text-sm text-red-700">
      {errors[0]}
    </p>
  ) : null;
}
