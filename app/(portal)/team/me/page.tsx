import { notFound } from "next/navigation";
import { requireCaller, isPartnerCaller } from "@/lib/auth/caller";
import { getOwnAccount } from "@/lib/team/manage";
import { requestMyEmailChangeAction, updateMyNotificationsAction } from "@/lib/team/actions";
import { notificationKindsFor } from "@/lib/notifications/kinds";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { formatDateTime } from "@/components/ui/format";
import { NotificationsField } from "../member-fields";

export const metadata = { title: "Your account" };

// Every partner user's own settings: no team permission needed.
export default async function MyAccountPage() {
  const caller = await requireCaller();
  if (!isPartnerCaller(caller)) notFound();
  const me = await getOwnAccount(caller);
  const kinds = notificationKindsFor(caller.permissions);

  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-2xl font-semibold">Your account</h1>
      <p className="mb-6 text-sm">
        <a href="/account/change-password" className="text-blue-700 underline">
          Change password
        </a>
      </p>
      <section aria-labelledby="my-email-heading" className="rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="my-email-heading" className="text-lg font-semibold">Sign-in email</h2>
        <p className="mb-4 mt-1 text-sm text-gray-700">
          You sign in with {me.email}. A new address must be confirmed through a link we send to it.
          {me.pendingEmail && ` A change to ${me.pendingEmail.newEmail} is waiting for confirmation until ${formatDateTime(me.pendingEmail.expiresAt)}.`}
        </p>
        <ActionForm action={requestMyEmailChangeAction} aria-label="Change your sign-in email">
          <TextField name="newEmail" label="New email" type="email" autoComplete="email" required />
          <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" required />
          <SubmitButton pendingLabel="Sending…">Send confirmation link</SubmitButton>
        </ActionForm>
      </section>
      <section id="notifications" aria-labelledby="my-notifications-heading" className="mt-6 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="my-notifications-heading" className="mb-4 text-lg font-semibold">Email notifications</h2>
        <ActionForm action={updateMyNotificationsAction} aria-label="Your email notifications">
          <NotificationsField defaults={me.notifications} kinds={kinds} />
          <SubmitButton pendingLabel="Saving…">Save notification settings</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
