import { openTokenLink } from "@/lib/http/params";
import { UnusableLink } from "@/components/auth/unusable-link";
import Link from "next/link";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { resetPasswordAction } from "@/lib/auth/actions";
import { describeResetLink, RESET_LINK_NO_LONGER_VALID } from "@/lib/auth/password-reset";

export const metadata = { title: "Reset your password", referrer: "no-referrer" as const };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token, link } = await openTokenLink(params, describeResetLink);

  if (!link) {
    return (
      <UnusableLink reason={`${RESET_LINK_NO_LONGER_VALID} You can ask for a new one.`}>
        <Link href="/forgot-password" className="font-semibold text-blue-700 underline">
          Reset your password again
        </Link>
      </UnusableLink>
    );
  }

  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Reset your password</h1>
      <p className="mb-6 text-sm text-gray-700">
        Choose a new password for <strong>{link.email}</strong>. You will be signed out everywhere else.
      </p>
      <NewPasswordForm action={resetPasswordAction} token={token} submitLabel="Set new password" pendingLabel="Saving…" />
    </>
  );
}
