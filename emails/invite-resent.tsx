import { ActionLink, EmailLayout, formatExpiry, Paragraph } from "./_layout.tsx";
import type { ActivationEmailProps } from "./activation.tsx";

export type InviteResentEmailProps = ActivationEmailProps;

export const subject = ({ partnerName }: InviteResentEmailProps) => `Your new invitation link for ${partnerName}`;

export default function InviteResentEmail({ firstName, invitedByName, partnerName, activationUrl, expiresAt }: InviteResentEmailProps) {
  return (
    <EmailLayout preview={`A new link to join ${partnerName} on Partner Portal`} heading={`Your new link to join ${partnerName}`}>
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>
        {invitedByName} sent you a new invitation to join {partnerName} on Partner Portal. Links from earlier
        invitation emails no longer work; use this one.
      </Paragraph>
      <ActionLink href={activationUrl} label="Activate your account" />
      <Paragraph>This link works once and expires on {formatExpiry(expiresAt)}.</Paragraph>
      <Paragraph>If you weren&apos;t expecting this invitation, you can ignore this email.</Paragraph>
    </EmailLayout>
  );
}

InviteResentEmail.PreviewProps = {
  firstName: "Grace",
  invitedByName: "Alice Admin",
  partnerName: "Acme Resellers",
  activationUrl: "http://localhost:3000/activate/preview-token",
  expiresAt: "2030-01-04T12:00:00.000Z",
} satisfies InviteResentEmailProps;
