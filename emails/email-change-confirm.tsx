import { ActionLink, EmailLayout, formatExpiry, Paragraph } from "./_layout.tsx";

export type EmailChangeConfirmEmailProps = {
  firstName: string;
  newEmail: string;
  confirmUrl: string;
  /** ISO 8601 */
  expiresAt: string;
};

export const subject = (_props: EmailChangeConfirmEmailProps) => "Confirm your new Partner Portal sign-in email";

export default function EmailChangeConfirmEmail({ firstName, newEmail, confirmUrl, expiresAt }: EmailChangeConfirmEmailProps) {
  return (
    <EmailLayout preview="Confirm your new sign-in email" heading="Confirm your new email address">
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>
        Your Partner Portal sign-in email is about to change to {newEmail}. Nothing changes until you confirm:
      </Paragraph>
      <ActionLink href={confirmUrl} label="Confirm this email address" />
      <Paragraph>This link works once and expires on {formatExpiry(expiresAt)}. Confirming signs you out everywhere.</Paragraph>
      <Paragraph>If you didn&apos;t expect this, ignore this email; your sign-in email stays the same.</Paragraph>
    </EmailLayout>
  );
}

EmailChangeConfirmEmail.PreviewProps = {
  firstName: "Grace",
  newEmail: "grace.new@example.com",
  confirmUrl: "http://localhost:3000/confirm-email/preview-token",
  expiresAt: "2030-01-04T12:00:00.000Z",
} satisfies EmailChangeConfirmEmailProps;
