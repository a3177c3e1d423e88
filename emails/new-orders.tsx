import { Section } from "@react-email/components";
import { Paragraph } from "./_layout.tsx";
import { plural } from "./_notification-footer.tsx";
import { NotificationEmail } from "./_notification-email.tsx";
import { DigestList } from "./_digest-list.tsx";

// "New orders" notification (lib/notifications): one order, or a digest of
// the orders placed within a few minutes.

export type OrderItem = {
  actorName: string;
  customerName: string;
  /** "C-000123" */
  customerNumber: string;
  /** "O-000123" */
  orderNumber: string;
  lines: { product: string; seats: number }[];
};

export type NewOrdersEmailProps = {
  firstName: string;
  organizationName: string;
  /** The first orders, oldest first; `totals.orders` says how many there were. */
  orders: OrderItem[];
  totals: { orders: number; seats: number; customers: number };
  /** One customer: its page (with its orders); several: the customers list. */
  linkUrl: string;
  settingsUrl: string;
};

const lineText = (order: OrderItem) => order.lines.map((line) => `${plural(line.seats, "seat")} of ${line.product}`).join(", ");

export const subject = ({ orders, totals }: NewOrdersEmailProps) =>
  totals.orders === 1 && orders[0]
    ? `New order ${orders[0].orderNumber} for ${orders[0].customerName}`
    : `${plural(totals.orders, "new order")} for ${totals.customers === 1 && orders[0] ? orders[0].customerName : plural(totals.customers, "customer")}`;

export default function NewOrdersEmail(props: NewOrdersEmailProps) {
  const { firstName, organizationName, orders, totals, linkUrl, settingsUrl } = props;
  const single = totals.orders === 1 && orders[0];
  return (
    <NotificationEmail
      preview={subject(props)}
      heading={single ? "New order" : "New orders"}
      firstName={firstName}
      action={{ href: linkUrl, label: totals.customers === 1 ? "Open the customer" : "See your customers" }}
      settingsUrl={settingsUrl}
    >
      {single ? (
        <Paragraph>
          {orders[0].actorName} placed order {orders[0].orderNumber} for {orders[0].customerName} ({orders[0].customerNumber}):{" "}
          {lineText(orders[0])}.
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            In the last few minutes at {organizationName}: {plural(totals.orders, "order")} for{" "}
            {plural(totals.customers, "customer")}, {plural(totals.seats, "seat")} in all.
          </Paragraph>
          <Section>
            <DigestList items={orders} total={totals.orders} noun="order">
              {(order) => `${order.orderNumber} for ${order.customerName} (${order.customerNumber}) by ${order.actorName}: ${lineText(order)}`}
            </DigestList>
          </Section>
        </>
      )}
    </NotificationEmail>
  );
}

NewOrdersEmail.PreviewProps = {
  firstName: "Nadia",
  organizationName: "Northwind Solutions",
  orders: [
    {
      actorName: "Nadia Admin",
      customerName: "Fabrikam Dental",
      customerNumber: "C-000001",
      orderNumber: "O-000042",
      lines: [{ product: "Productivity Standard", seats: 25 }],
    },
  ],
  totals: { orders: 1, seats: 25, customers: 1 },
  linkUrl: "http://localhost:3000/customers/preview",
  settingsUrl: "http://localhost:3000/team/me#notifications",
} satisfies NewOrdersEmailProps;
