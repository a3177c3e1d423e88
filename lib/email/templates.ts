import type { ReactElement } from "react";
import ActivationEmail, { subject as activationSubject, type ActivationEmailProps } from "../../emails/activation.tsx";
import InviteResentEmail, { subject as inviteResentSubject, type InviteResentEmailProps } from "../../emails/invite-resent.tsx";
import PasswordResetEmail, { subject as passwordResetSubject, type PasswordResetEmailProps } from "../../emails/password-reset.tsx";
import InviteReminderEmail, { subject as inviteReminderSubject, type InviteReminderEmailProps } from "../../emails/invite-reminder.tsx";
import InvitationStatusEmail, { subject as invitationStatusSubject, type InvitationStatusEmailProps } from "../../emails/invitation-status.tsx";
import EmailChangeConfirmEmail, { subject as emailChangeConfirmSubject, type EmailChangeConfirmEmailProps } from "../../emails/email-change-confirm.tsx";
import EmailChangeNoticeEmail, { subject as emailChangeNoticeSubject, type EmailChangeNoticeEmailProps } from "../../emails/email-change-notice.tsx";
import AccountRestoredEmail, { subject as accountRestoredSubject, type AccountRestoredEmailProps } from "../../emails/account-restored.tsx";
import AccountLockedEmail, { subject as accountLockedSubject, type AccountLockedEmailProps } from "../../emails/account-locked.tsx";
import SubscriptionThresholdEmail, {
  subject as subscriptionThresholdSubject,
  type SubscriptionThresholdEmailProps,
} from "../../emails/subscription-threshold.tsx";
import CustomerCredentialsEmail, {
  subject as customerCredentialsSubject,
  type CustomerCredentialsEmailProps,
} from "../../emails/customer-credentials.tsx";
import CustomerWelcomeEmail, { subject as customerWelcomeSubject, type CustomerWelcomeEmailProps } from "../../emails/customer-welcome.tsx";
import LicenseChangesEmail, { subject as licenseChangesSubject, type LicenseChangesEmailProps } from "../../emails/license-changes.tsx";
import NewOrdersEmail, { subject as newOrdersSubject, type NewOrdersEmailProps } from "../../emails/new-orders.tsx";
import WeeklySummaryEmail, { subject as weeklySummarySubject, type WeeklySummaryEmailProps } from "../../emails/weekly-summary.tsx";
import { openProps, type Sealed } from "./sealed-props.ts";

/** Template name → the plain values it is rendered from (stored as OutboxEmail.props). */
export type EmailProps = {
  activation: ActivationEmailProps;
  "invite-resent": InviteResentEmailProps;
  "password-reset": PasswordResetEmailProps;
  "invite-reminder": InviteReminderEmailProps;
  "invitation-status": InvitationStatusEmailProps;
  "email-change-confirm": EmailChangeConfirmEmailProps;
  "email-change-notice": EmailChangeNoticeEmailProps;
  "account-locked": AccountLockedEmailProps;
  "account-restored": AccountRestoredEmailProps;
  "subscription-threshold": SubscriptionThresholdEmailProps;
  "customer-welcome": CustomerWelcomeEmailProps;
  // Notifications people opt in to (lib/notifications).
  "license-changes": LicenseChangesEmailProps;
  "new-orders": NewOrdersEmailProps;
  "weekly-summary": WeeklySummaryEmailProps;
  // Temporary passwords stay sealed in the outbox; opened only to render.
  "customer-credentials": Sealed<CustomerCredentialsEmailProps>;
};

export type EmailTemplate = keyof EmailProps;

type TemplateDefinition<Props> = {
  component: (props: Props) => ReactElement;
  subject: (props: Props) => string;
};

export const EMAIL_TEMPLATES: { [T in EmailTemplate]: TemplateDefinition<EmailProps[T]> } = {
  activation: { component: ActivationEmail, subject: activationSubject },
  "invite-resent": { component: InviteResentEmail, subject: inviteResentSubject },
  "password-reset": { component: PasswordResetEmail, subject: passwordResetSubject },
  "invite-reminder": { component: InviteReminderEmail, subject: inviteReminderSubject },
  "invitation-status": { component: InvitationStatusEmail, subject: invitationStatusSubject },
  "email-change-confirm": { component: EmailChangeConfirmEmail, subject: emailChangeConfirmSubject },
  "email-change-notice": { component: EmailChangeNoticeEmail, subject: emailChangeNoticeSubject },
  "account-locked": { component: AccountLockedEmail, subject: accountLockedSubject },
  "account-restored": { component: AccountRestoredEmail, subject: accountRestoredSubject },
  "subscription-threshold": { component: SubscriptionThresholdEmail, subject: subscriptionThresholdSubject },
  "customer-welcome": { component: CustomerWelcomeEmail, subject: customerWelcomeSubject },
  "license-changes": { component: LicenseChangesEmail, subject: licenseChangesSubject },
  "new-orders": { component: NewOrdersEmail, subject: newOrdersSubject },
  "weekly-summary": { component: WeeklySummaryEmail, subject: weeklySummarySubject },
  "customer-credentials": {
    component: (props) => CustomerCredentialsEmail(openProps(props)),
    subject: (props) => customerCredentialsSubject(openProps(props)),
  },
};

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(EMAIL_TEMPLATES, name);
}
