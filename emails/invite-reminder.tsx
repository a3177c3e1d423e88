import { INVITATION_PREVIEW_PROPS, InvitationEmail, type ActivationEmailProps } from "./activation.tsx";

// Sent once, a while after the invitation, to invitees who haven't activated.
export type InviteReminderEmailProps = ActivationEmailProps;

export const subject = ({ partnerName }: InviteReminderEmailProps) =>
  `Reminder: your invitation to ${partnerName} on Partner Portal`;

export default function InviteReminderEmail({ invitedByName, partnerName, ...link }: InviteReminderEmailProps) {
  return (
    <InvitationEmail
      {...link}
      preview={`Your invitation to ${partnerName} is waiting`}
      heading={`Your invitation to ${partnerName} is waiting`}
      intro={
        <>
          {invitedByName} invited you to join {partnerName} on Partner Portal, and your account isn&apos;t active yet.
          Here is a fresh link; earlier links no longer work.
        </>
      }
      closing={null}
    />
  );
}

InviteReminderEmail.PreviewProps = INVITATION_PREVIEW_PROPS;
