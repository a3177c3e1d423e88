import type { ReactElement } from "react";
import ActivationEmail, { subject as activationSubject, type ActivationEmailProps } from "../../emails/activation.tsx";
import InviteResentEmail, { subject as inviteResentSubject, type InviteResentEmailProps } from "../../emails/invite-resent.tsx";
import PasswordResetEmail, { subject as passwordResetSubject, type PasswordResetEmailProps } from "../../emails/password-reset.tsx";

/** Template name → the plain values it is rendered from (stored as OutboxEmail.props). */
export type EmailProps = {
  activation: ActivationEmailProps;
  "invite-resent": InviteResentEmailProps;
  "password-reset": PasswordResetEmailProps;
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
};

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(EMAIL_TEMPLATES, name);
}
