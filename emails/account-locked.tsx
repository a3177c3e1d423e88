import { ActionLink, EmailLayout, Paragraph } from "./_layout.tsx";

// Security notice: always sent, whatever the user's notification settings.
export type AccountLockedEmailProps = {
  firstName: string;
  minutes: number;
  resetUrl: string;
};

export const subject = (_props: AccountLockedEmailProps) => "Your Partner Portal account was locked after failed sign-ins";

export default function AccountLockedEmail({ firstName, minutes, resetUrl }: AccountLockedEmailProps) {
  return (
    <EmailLayout preview="Several wrong passwords were tried on your account" heading="Sign-in temporarily locked">
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>
        Several wrong passwords were entered for your Partner Portal account, so sign-in is locked for {minutes} minute
        {minutes === 1 ? "" : "s"}.
      </Paragraph>
      <Paragraph>If that was you, wait and try again, or reset your password now; a reset works while locked.</Paragraph>
      <ActionLink href={resetUrl} label="Reset your password" />
      <Paragraph>If it wasn&apos;t you, resetting your password is a good idea.</Paragraph>
    </EmailLayout>
  );
}

AccountLockedEmail.PreviewProps = {
  firstName: "Grace",
  minutes: 1,
  resetUrl: "http://localhost:3000/forgot-password",
} satisfies AccountLockedEmailProps;
