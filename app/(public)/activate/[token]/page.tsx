import { openTokenLink } from "@/lib/http/params";
import { UnusableLink } from "@/components/auth/unusable-link";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { activateAccountAction, requestNewActivationLinkAction } from "@/lib/auth/actions";
import { describeActivationLink, LINK_NO_LONGER_VALID } from "@/lib/auth/activation";

export const metadata = { title: "Activate your account", referrer: "no-referrer" as const };

export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token, link } = await openTokenLink(params, describeActivationLink);

  if (!link) {
    return (
      <UnusableLink reason={`${LINK_NO_LONGER_VALID} Links work once and expire after a few days. We can send a new link to the same address.`}>
        {token && (
          <ActionForm action={requestNewActivationLinkAction} hiddenFields={{ token }}>
            <SubmitButton pendingLabel="Sending…">Send a new link</SubmitButton>
          </ActionForm>
        )}
      </UnusableLink>
    );
  }

  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Welcome, {link.firstName}</h1>
      <p className="mb-6 text-sm text-gray-700">
        Choose a password for <strong>{link.email}</strong> to activate your account.
      </p>
      <NewPasswordForm action={activateAccountAction} token={token} submitLabel="Activate account" pendingLabel="Activating…" />
    </>
  );
}
