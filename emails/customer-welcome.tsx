import { InvitationEmail } from "./activation.tsx";

/** A customer user's welcome (Add user / import with "Email an activation link", and Resend welcome email). */
export type CustomerWelcomeEmailProps = {
  firstName: string;
  /** The partner who manages the customer's licenses. */
  partnerName: string;
  customerName: string;
  /** Signing in works with this user name or the email address. */
  username: string;
  activationUrl: string;
  /** ISO 8601 */
  expiresAt: string;
};

export const subject = ({ customerName }: CustomerWelcomeEmailProps) => `Welcome: activate your ${customerName} account on Partner Portal`;

export default function CustomerWelcomeEmail({ partnerName, customerName, username, ...link }: CustomerWelcomeEmailProps) {
  return (
    <InvitationEmail
      {...link}
      preview={`${partnerName} created your ${customerName} account`}
      heading="Welcome"
      intro={
        <>
          {partnerName} created an account for you as a user of {customerName}. Activate it to choose your password and see
          your licenses. Your user name is {username}; you can also sign in with this email address.
        </>
      }
      closing={<>If you weren&apos;t expecting this email, you can ignore it.</>}
    />
  );
}

CustomerWelcomeEmail.PreviewProps = {
  firstName: "Lena",
  partnerName: "Northwind Solutions",
  customerName: "Fabrikam Dental",
  username: "lena.larsen",
  activationUrl: "http://localhost:3000/activate/preview-token",
  expiresAt: "2030-01-04T12:00:00.000Z",
} satisfies CustomerWelcomeEmailProps;
