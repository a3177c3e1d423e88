import { ActionLink, EmailLayout, Paragraph } from "./_layout.tsx";

export type PasswordResetEmailProps = {
  firstName: string;
  resetUrl: string;
  expiresInMinutes: number;
};

export const subject = (_props: PasswordResetEmailProps) => "Reset your Partner Portal password";

export default function PasswordResetEmail({ firstName, resetUrl, expiresInMinutes }: PasswordResetEmailProps) {
  return (
    <EmailLayout preview="A link to reset your Partner Portal password" heading="Reset your password">
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>We received a request to reset your Partner Portal password. Choose a new one here:</Paragraph>
      <ActionLink href={resetUrl} label="Reset your password" />
      <Paragraph>
        This link works once and expires in {expiresInMinutes} minutes. Resetting your password signs you out
        everywhere.
      </Paragraph>
      <Paragraph>If you didn&apos;t ask for this, you can ignore this email; your password stays the same.</Paragraph>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  firstName: "Grace",
  resetUrl: "http://localhost:3000/reset-password/preview-token",
  expiresInMinutes: 60,
} satisfies PasswordResetEmailProps;
