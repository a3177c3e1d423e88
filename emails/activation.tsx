import { ActionLink, EmailLayout, formatExpiry, Paragraph } from "./_layout.tsx";

export type ActivationEmailProps = {
  firstName: string;
  invitedByName: string;
  partnerName: string;
  activationUrl: string;
  /** ISO 8601 */
  expiresAt: string;
};

export const subject = ({ partnerName }: ActivationEmailProps) =>
  `You're invited to join ${partnerName} on Partner Portal`;

export default function ActivationEmail({ firstName, invitedByName, partnerName, activationUrl, expiresAt }: ActivationEmailProps) {
  return (
    <EmailLayout preview={`${invitedByName} invited you to ${partnerName} on Partner Portal`} heading={`Join ${partnerName}`}>
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>
        {invitedByName} invited you to join {partnerName} on Partner Portal. Activate your account to choose a
        password and sign in.
      </Paragraph>
      <ActionLink href={activationUrl} label="Activate your account" />
      <Paragraph>This link works once and expires on {formatExpiry(expiresAt)}.</Paragraph>
      <Paragraph>If you weren&apos;t expecting this invitation, you can ignore this email.</Paragraph>
    </EmailLayout>
  );
}

ActivationEmail.PreviewProps = {
  firstName: "Grace",
  invitedByName: "Alice Admin",
  partnerName: "Acme Resellers",
  activationUrl: "http://localhost:3000/activate/preview-token",
  expiresAt: "2030-01-04T12:00:00.000Z",
} satisfies ActivationEmailProps;
