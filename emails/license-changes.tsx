import { Section } from "@react-email/components";
import { Paragraph } from "./_layout.tsx";
import { plural } from "./_notification-footer.tsx";
import { NotificationEmail } from "./_notification-email.tsx";
import { DigestList } from "./_digest-list.tsx";

// "License changes" notification (lib/notifications): one change, or a digest
// of the changes made within a few minutes (a CSV import sends one email).

export type LicenseChangeItem = {
  actorName: string;
  customerName: string;
  userName: string;
  assigned: string[];
  revoked: string[];
  /** How it happened when it wasn't "Manage licenses": "CSV import", "new user", "user restored", "user deleted". */
  via?: string;
};

export type LicenseChangesEmailProps = {
  firstName: string;
  organizationName: string;
  /** The first changes, oldest first; `totals.changes` says how many there were. */
  changes: LicenseChangeItem[];
  totals: { changes: number; assigned: number; revoked: number; customers: number };
  /** One customer: its users page; several: the customers list. */
  linkUrl: string;
  settingsUrl: string;
};

function describe(change: LicenseChangeItem) {
  const parts = [];
  if (change.assigned.length) parts.push(`assigned ${change.assigned.join(", ")} to ${change.userName}`);
  if (change.revoked.length) parts.push(`revoked ${change.revoked.join(", ")} from ${change.userName}`);
  return `${change.actorName} ${parts.join(" and ")} (${change.customerName}${change.via ? `, ${change.via}` : ""})`;
}

export const subject = ({ changes, totals }: LicenseChangesEmailProps) => {
  if (totals.changes === 1 && changes[0]) {
    const [change] = changes;
    return change.assigned.length && !change.revoked.length
      ? `${change.userName} (${change.customerName}) was assigned ${change.assigned.join(", ")}`
      : `License change for ${change.userName} (${change.customerName})`;
  }
  const where = totals.customers === 1 && changes[0] ? changes[0].customerName : plural(totals.customers, "customer");
  return `${plural(totals.changes, "license change")} for ${where}`;
};

export default function LicenseChangesEmail(props: LicenseChangesEmailProps) {
  const { firstName, organizationName, changes, totals, linkUrl, settingsUrl } = props;
  const single = totals.changes === 1;
  return (
    <NotificationEmail
      preview={subject(props)}
      heading={single ? "License change" : "License changes"}
      firstName={firstName}
      action={{ href: linkUrl, label: totals.customers === 1 ? "See the customer's users and licenses" : "See your customers" }}
      settingsUrl={settingsUrl}
    >
      {single && changes[0] ? (
        <Paragraph>{describe(changes[0])}.</Paragraph>
      ) : (
        <>
          <Paragraph>
            In the last few minutes at {organizationName}: {plural(totals.assigned, "license")} assigned and{" "}
            {plural(totals.revoked, "license")} revoked, for {plural(totals.changes, "user")} of{" "}
            {plural(totals.customers, "customer")}.
          </Paragraph>
          <Section>
            <DigestList items={changes} total={totals.changes} noun="change">
              {describe}
            </DigestList>
          </Section>
        </>
      )}
    </NotificationEmail>
  );
}

LicenseChangesEmail.PreviewProps = {
  firstName: "Nadia",
  organizationName: "Northwind Solutions",
  changes: [
    { actorName: "Nadia Admin", customerName: "Fabrikam Dental", userName: "Lena Larsen", assigned: ["Productivity Standard"], revoked: [] },
    {
      actorName: "Nadia Admin",
      customerName: "Fabrikam Dental",
      userName: "Omar Haddad",
      assigned: ["Productivity Standard"],
      revoked: [],
      via: "CSV import",
    },
  ],
  totals: { changes: 2, assigned: 2, revoked: 0, customers: 1 },
  linkUrl: "http://localhost:3000/customers/preview/users",
  settingsUrl: "http://localhost:3000/team/me#notifications",
} satisfies LicenseChangesEmailProps;
