import { ActionLink, EmailLayout, Paragraph } from "./_layout.tsx";

// Sent when an admin restores a deleted account that can sign in again (DESIGN §6).
export type AccountRestoredEmailProps = {
  firstName: string;
  organizationName: string;
  signInUrl: string;
};

export const subject = ({ organizationName }: AccountRestoredEmailProps) => `Your ${organizationName} account on Partner Portal is back`;

export default function AccountRestoredEmail({ firstName, organizationName, signInUrl }: AccountRestoredEmailProps) {
  return (
    <EmailLayout preview={`Your account at ${organizationName} was restored`} heading="Your account was restored">
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>
        An administrator of {organizationName} restored your Partner Portal account. You can sign in again with your
        usual password; your permissions are as they were.
      </Paragraph>
      <ActionLink href={signInUrl} label="Sign in" />
      <Paragraph>If you didn&apos;t expect this, tell your administrator.</Paragraph>
    </EmailLayout>
  );
}

AccountRestoredEmail.PreviewProps = {
  firstName: "Grace",
  organizationName: "Northwind Solutions",
  signInUrl: "http://localhost:3000/login",
} satisfies AccountRestoredEmailProps;
