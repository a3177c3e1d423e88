import { Section, Text } from "@react-email/components";
import { Paragraph } from "./_layout.tsx";
import { plural } from "./_notification-footer.tsx";
import { NotificationEmail } from "./_notification-email.tsx";
import { DigestList } from "./_digest-list.tsx";

// The Monday summary of the week before (lib/notifications/weekly-summary.ts).
// Each section is there only for people allowed to see it: the team for
// holders of "View team", customers for holders of "View customers".

export type WeeklySummaryEmailProps = {
  firstName: string;
  organizationName: string;
  /** "23–29 November 2026" */
  weekLabel: string;
  team?: { invitationsSent: number; invitationsAccepted: number; invitationsExpired: number; membersDeleted: number };
  customers?: {
    usersAdded: number;
    usersDeleted: number;
    licensesAssigned: number;
    licensesRevoked: number;
    orders: number;
    seatsOrdered: number;
    /** Subscriptions now at 90% of their seats or more: the first few, and how many in all. */
    nearlyFull: { customerName: string; productName: string; assigned: number; purchased: number }[];
    nearlyFullTotal: number;
  };
  portalUrl: string;
  settingsUrl: string;
};

export const subject = ({ organizationName, weekLabel }: WeeklySummaryEmailProps) => `${organizationName}: your week on Partner Portal (${weekLabel})`;

const line = { color: "#1f2937", fontSize: 15, lineHeight: "22px", margin: "0 0 4px" };
const sectionHeading = { color: "#111827", fontSize: 17, fontWeight: 600, margin: "16px 0 8px" };

export default function WeeklySummaryEmail(props: WeeklySummaryEmailProps) {
  const { firstName, organizationName, weekLabel, team, customers, portalUrl, settingsUrl } = props;
  return (
    <NotificationEmail
      preview={subject(props)}
      heading={`Your week: ${weekLabel}`}
      firstName={firstName}
      action={{ href: portalUrl, label: "Open Partner Portal" }}
      settingsUrl={settingsUrl}
    >
      <Paragraph>Here is what happened at {organizationName} on Partner Portal last week.</Paragraph>
      {team && (
        <Section>
          <Text style={sectionHeading}>Team</Text>
          <Text style={line}>Invitations sent: {team.invitationsSent}</Text>
          <Text style={line}>Invitations accepted: {team.invitationsAccepted}</Text>
          <Text style={line}>Invitations expired: {team.invitationsExpired}</Text>
          <Text style={line}>Team members deleted: {team.membersDeleted}</Text>
        </Section>
      )}
      {customers && (
        <Section>
          <Text style={sectionHeading}>Customers</Text>
          <Text style={line}>Customer users added: {customers.usersAdded}</Text>
          <Text style={line}>Customer users deleted: {customers.usersDeleted}</Text>
          <Text style={line}>Licenses assigned: {customers.licensesAssigned}</Text>
          <Text style={line}>Licenses revoked: {customers.licensesRevoked}</Text>
          <Text style={line}>
            Orders placed: {customers.orders} ({plural(customers.seatsOrdered, "seat")})
          </Text>
          <Text style={sectionHeading}>Subscriptions at 90% of their seats or more: {customers.nearlyFullTotal}</Text>
          <DigestList items={customers.nearlyFull} total={customers.nearlyFullTotal} noun="subscription" style={line}>
            {(s) => `${s.customerName}, ${s.productName}: ${s.assigned} of ${s.purchased} seats assigned`}
          </DigestList>
        </Section>
      )}
    </NotificationEmail>
  );
}

WeeklySummaryEmail.PreviewProps = {
  firstName: "Nadia",
  organizationName: "Northwind Solutions",
  weekLabel: "23–29 November 2026",
  team: { invitationsSent: 3, invitationsAccepted: 2, invitationsExpired: 1, membersDeleted: 0 },
  customers: {
    usersAdded: 120,
    usersDeleted: 4,
    licensesAssigned: 118,
    licensesRevoked: 6,
    orders: 2,
    seatsOrdered: 150,
    nearlyFull: [{ customerName: "Fabrikam Dental", productName: "Productivity Standard", assigned: 9, purchased: 10 }],
    nearlyFullTotal: 1,
  },
  portalUrl: "http://localhost:3000/",
  settingsUrl: "http://localhost:3000/team/me#notifications",
} satisfies WeeklySummaryEmailProps;
