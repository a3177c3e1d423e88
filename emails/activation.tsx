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

/**
 * The frame of every email with an activation link: the first invitation, a
 * resent one (emails/invite-resent.tsx), the reminder (emails/invite-reminder.tsx)
 * and a customer user's welcome (emails/customer-welcome.tsx). Only the words
 * around the link differ.
 */
export function InvitationEmail({
  preview,
  heading,
  intro,
  closing = <>If you weren&apos;t expecting this invitation, you can ignore this email.</>,
  firstName,
  activationUrl,
  expiresAt,
}: Pick<ActivationEmailProps, "firstName" | "activationUrl" | "expiresAt"> & {
  preview: string;
  heading: string;
  intro: ReactNode;
  /** The last paragraph, after the expiry; null for none. */
  closing?: ReactNode;
}) {
  return (
    <EmailLayout preview={preview} heading={heading}>
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <ActionLink href={activationUrl} label="Activate your account" />
      <Paragraph>This link works once and expires on {formatExpiry(expiresAt)}.</Paragraph>
      {closing !== null && <Paragraph>{closing}</Paragraph>}
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

/** What the email preview shows, for the invitation emails (first, resent, reminder). */
export const INVITATION_PREVIEW_PROPS = {
  firstName: "Grace",
  invitedByName: "Alice Admin",
  partnerName: "Acme Resellers",
  activationUrl: "http://localhost:3000/activate/preview-token",
  expiresAt: "2030-01-04T12:00:00.000Z",
} satisfies ActivationEmailProps;

ActivationEmail.PreviewProps = INVITATION_PREVIEW_PROPS;
