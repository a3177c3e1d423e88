import type { ReactNode } from "react";
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

/** The invitation's frame, shared by the first invitation and a resent one (emails/invite-resent.tsx): only the words around the link differ. */
export function InvitationEmail({
  preview,
  heading,
  intro,
  firstName,
  activationUrl,
  expiresAt,
}: Pick<ActivationEmailProps, "firstName" | "activationUrl" | "expiresAt"> & { preview: string; heading: string; intro: ReactNode }) {
  return (
    <EmailLayout preview={preview} heading={heading}>
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <ActionLink href={activationUrl} label="Activate your account" />
      <Paragraph>This link works once and expires on {formatExpiry(expiresAt)}.</Paragraph>
      <Paragraph>If you weren&apos;t expecting this invitation, you can ignore this email.</Paragraph>
    </EmailLayout>
  );
}

export default function ActivationEmail({ invitedByName, partnerName, ...link }: ActivationEmailProps) {
  return (
    <InvitationEmail
      {...link}
      preview={`${invitedByName} invited you to ${partnerName} on Partner Portal`}
      heading={`Join ${partnerName}`}
      intro={`${invitedByName} invited you to join ${partnerName} on Partner Portal. Activate your account to choose a password and sign in.`}
    />
  );
}

/** What the email preview shows, for both invitation emails. */
export const INVITATION_PREVIEW_PROPS = {
  firstName: "Grace",
  invitedByName: "Alice Admin",
  partnerName: "Acme Resellers",
  activationUrl: "http://localhost:3000/activate/preview-token",
  expiresAt: "2030-01-04T12:00:00.000Z",
} satisfies ActivationEmailProps;

ActivationEmail.PreviewProps = INVITATION_PREVIEW_PROPS;
