import { ActionLink, EmailLayout, Paragraph } from "./_layout.tsx";

export type SubscriptionThresholdEmailProps = {
  firstName: string;
  customerName: string;
  productName: string;
  assigned: number;
  purchased: number;
  full: boolean;
  usersUrl: string;
};

export const subject = ({ customerName, productName, full }: SubscriptionThresholdEmailProps) =>
  full ? `${customerName}: ${productName} has no free seats left` : `${customerName}: ${productName} is 90% assigned`;

export default function SubscriptionThresholdEmail(props: SubscriptionThresholdEmailProps) {
  const { firstName, customerName, productName, assigned, purchased, full, usersUrl } = props;
  return (
    <EmailLayout preview={subject(props)} heading={full ? "Subscription full" : "Subscription almost full"}>
      <Paragraph>Hello {firstName},</Paragraph>
      <Paragraph>
        {customerName} now has {assigned} of {purchased} {productName} seats assigned.{" "}
        {full ? "New users can't get this license until seats are freed or more are ordered." : "Consider ordering more seats."}
      </Paragraph>
      <ActionLink href={usersUrl} label="See the customer's users and licenses" />
    </EmailLayout>
  );
}

SubscriptionThresholdEmail.PreviewProps = {
  firstName: "Grace",
  customerName: "Fabrikam Dental",
  productName: "Productivity Standard",
  assigned: 9,
  purchased: 10,
  full: false,
  usersUrl: "http://localhost:3000/customers/preview/users",
} satisfies SubscriptionThresholdEmailProps;
