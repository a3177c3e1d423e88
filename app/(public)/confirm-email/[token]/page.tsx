import { openTokenLink } from "@/lib/http/params";
import { UnusableLink } from "@/components/auth/unusable-link";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { confirmEmailChangeAction } from "@/lib/auth/actions";
import { describeEmailChangeLink, EMAIL_CHANGE_LINK_NO_LONGER_VALID } from "@/lib/auth/email-change";

export const metadata = { title: "Confirm your new email", referrer: "no-referrer" as const };

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token, link } = await openTokenLink(params, describeEmailChangeLink);

  if (!link) {
    return (
      <UnusableLink reason={`${EMAIL_CHANGE_LINK_NO_LONGER_VALID} Ask your admin to send a new one; your sign-in email hasn't changed.`}>
        <Link href="/login" className="font-semibold text-blue-700 underline">Go to sign in</Link>
      </UnusableLink>
    );
  }

  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Confirm your new email</h1>
      <p className="mb-6 text-sm text-gray-700">
        Hello {link.firstName}. Your sign-in email changes from <strong>{link.oldEmail}</strong> to <strong>{link.newEmail}</strong>.
        Confirming signs you out everywhere; sign in again with the new address.
      </p>
      <ActionForm action={confirmEmailChangeAction} hiddenFields={{ token }} aria-label="Confirm new email">
        <SubmitButton pendingLabel="Confirming…">Confirm new email</SubmitButton>
      </ActionForm>
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-blue-700 underline">Go to sign in</Link>
      </p>
    </>
  );
}
