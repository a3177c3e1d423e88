import { Section, Text } from "@react-email/components";
import { ActionLink, EmailLayout, Paragraph } from "./_layout.tsx";

export type CustomerCredentialsEmailProps = {
  firstName: string;
  customerName: string;
  credentials: { name: string; username: string; temporaryPassword: string }[];
  usersUrl: string;
};

export const subject = ({ customerName, credentials }: CustomerCredentialsEmailProps) =>
  `Sign-in details for ${credentials.length} ${credentials.length === 1 ? "user" : "users"} of ${customerName}`;

export default function CustomerCredentialsEmail(props: CustomerCredentialsEmailProps) {
  const { firstName, customerName, credentials, usersUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading="Temporary passwords">
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>
        As you asked, here are the user names and temporary passwords of the users you created for {customerName}. Each
        user must choose a new password when they first sign in. Pass them on securely and delete this email afterwards.
      </Paragraph>
      <Section>
        {credentials.map((credential) => (
          <Text key={credential.username} style={{ fontFamily: "monospace", fontSize: 14, margin: "4px 0" }}>
            {credential.name} · {credential.username} · {credential.temporaryPassword}
          </Text>
        ))}
      </Section>
      <ActionLink href={usersUrl} label="Open the customer's users" />
    </EmailLayout>
  );
}

CustomerCredentialsEmail.PreviewProps = {
  firstName: "Grace",
  customerName: "Fabrikam Dental",
  credentials: [{ name: "Ada Lovelace", username: "ada.lovelace-k3x9q2", temporaryPassword: "Abcd-Efgh-Ijkl-Mnop-Qrst" }],
  usersUrl: "http://localhost:3000/customers/preview/users",
} satisfies CustomerCredentialsEmailProps;
