import type { ReactNode } from "react";
import { ActionLink, EmailLayout, Paragraph } from "./_layout.tsx";
import { NotificationFooter } from "./_notification-footer.tsx";

/**
 * The frame of every notification the recipient chose (license changes, new
 * orders, weekly summary): the greeting, what happened (`children`), the one
 * action, and the footer saying why they get it and how to stop it.
 */
export function NotificationEmail({
  preview,
  heading,
  firstName,
  action,
  settingsUrl,
  children,
}: {
  preview: string;
  heading: string;
  firstName: string;
  action: { href: string; label: string };
  settingsUrl: string;
  children: ReactNode;
}) {
  return (
    <EmailLayout preview={preview} heading={heading}>
      <Paragraph>Hello {firstName},</Paragraph>
      {children}
      <ActionLink href={action.href} label={action.label} />
      <NotificationFooter settingsUrl={settingsUrl} />
    </EmailLayout>
  );
}
