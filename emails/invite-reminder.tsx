import { ActionLink, EmailLayout, formatExpiry, Paragraph } from "./_layout.tsx";
import type { ActivationEmailProps } from "./activation.tsx";

// Sent once, a while after the invitation, to invitees who haven't activated.
export type InviteReminderEmailProps = ActivationEmailProps;

export const subject = ({ partnerName }: InviteReminderEmailProps) =>
  `Reminder: your invitation to ${partnerName} on Partner Portal`;

export default function InviteReminderEmail({ firstName, invitedByName, partnerName, activationUrl, expiresAt }: InviteReminderEmailProps) {
  return (
    <EmailLayout preview={`Your invitation to ${partnerName} is waiting`} heading={`Your invitation to ${partnerName} is waiting`}>
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>
        {invitedByName} invited you to join {partnerName} on Partner Portal, and your account isn&apos;t active yet.
        Here is a fresh link; earlier links no longer work.
      </Paragraph>
      <ActionLink href={activationUrl} label="Activate your account" />
      <Paragraph>This link works once and expires on {formatExpiry(expiresAt)}.</Paragraph>
    </EmailLayout>
  );
}

InviteReminderEmail.PreviewProps = {
  firstName: "Grace",
  invitedByName: "Alice Admin",
  partnerName: "Acme Resellers",
  activationUrl: "http://localhost:3000/activate/preview-token",
  expiresAt: "2030-01-04T12:00:00.000Z",
} satisfies InviteReminderEmailProps;
