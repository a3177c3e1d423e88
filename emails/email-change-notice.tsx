import { EmailLayout, Paragraph } from "./_layout.tsx";

// To the old address: a security notice, sent whatever the user's settings.
export type EmailChangeNoticeEmailProps = {
  firstName: string;
  newEmail: string;
  stage: "requested" | "changed";
};

export const subject = ({ stage }: EmailChangeNoticeEmailProps) =>
  stage === "requested" ? "A change of your Partner Portal sign-in email was requested" : "Your Partner Portal sign-in email was changed";

export default function EmailChangeNoticeEmail({ firstName, newEmail, stage }: EmailChangeNoticeEmailProps) {
  return (
    <EmailLayout preview={subject({ firstName, newEmail, stage })} heading="Your sign-in email">
      <Paragraph>Hello {firstName},</Paragraph>
      {stage === "requested" ? (
        <Paragraph>
          Someone asked to change your Partner Portal sign-in email to {newEmail}. It changes only if the new address
          confirms it.
        </Paragraph>
      ) : (
        <Paragraph>Your Partner Portal sign-in email is now {newEmail}. This address no longer signs in.</Paragraph>
      )}
      <Paragraph>If this wasn&apos;t you or your admin, contact your organization&apos;s admin or support at once.</Paragraph>
    </EmailLayout>
  );
}

EmailChangeNoticeEmail.PreviewProps = {
  firstName: "Grace",
  newEmail: "grace.new@example.com",
  stage: "requested",
} satisfies EmailChangeNoticeEmailProps;
