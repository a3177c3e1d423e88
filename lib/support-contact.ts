// "Contact support" as a link (decision 0021). The messages that send someone
// to support are written here, next to the reason each prefills, so the
// server that says them and the component that links them can't drift apart:
// field and form errors stay plain strings (the API shows them as they are),
// and the form components turn a message of this catalog into a link built by
// supportHref. Pure and client-safe: the contact itself comes from lib/env.ts
// on the server (SUPPORT_EMAIL, SUPPORT_URL) and reaches client components
// through components/support-link.tsx.

/** Where support is reached: a page (wins when set) or an address. */
export type SupportContact = { email: string; url: string | null };

/** A taken email (lib/accounts/email-rule.ts): says neither who nor which kind of account holds it (DESIGN §10). */
export const EMAIL_IN_OTHER_ORGANIZATION =
  "This email address can't be used. Contact support if it should belong to your organization.";

/** A disabled customer user or staff member who proved their password: nobody in a partner can enable them. */
export const ACCOUNT_DISABLED_CONTACT_SUPPORT = "Your account is disabled. Contact support to enable it.";

/** A disabled partner user who proved their password: their organization's primary user can enable them. */
export function accountDisabledAskPrimaryUser(primaryUserName: string) {
  return `Your account is disabled. Contact ${primaryUserName}, your organization's primary user, to enable it.`;
}

const SUSPENDED_PREFIX = "Your organization's access to Partner Portal is suspended";

/** A suspended partner's user who proved their password (DESIGN §7). */
export function partnerSuspendedMessage(reason: string | null) {
  return `${SUSPENDED_PREFIX}${reason ? `: ${reason}` : ""}. Contact your vendor to restore it.`;
}

type SupportReason = { matches: (message: string) => boolean; subject: (value: string | undefined) => string };

const REASONS: SupportReason[] = [
  {
    matches: (message) => message === EMAIL_IN_OTHER_ORGANIZATION,
    subject: (email) => (email ? `Duplicate email for ${email}` : "Duplicate email"),
  },
  {
    matches: (message) => message === ACCOUNT_DISABLED_CONTACT_SUPPORT,
    subject: (login) => (login ? `Disabled account: ${login}` : "Disabled account"),
  },
  {
    matches: (message) => message.startsWith(SUSPENDED_PREFIX),
    subject: (login) => (login ? `Suspended organization: ${login}` : "Suspended organization"),
  },
];

/** The link a support request for `subject` opens: SUPPORT_URL?subject=…, else a mailto: with that subject. */
export function supportHref(contact: SupportContact, subject: string): string {
  if (contact.url) {
    const url = new URL(contact.url);
    url.searchParams.set("subject", subject);
    return url.toString();
  }
  return `mailto:${contact.email}?subject=${encodeURIComponent(subject)}`;
}

/**
 * The support link for a message shown to the user, or null when the message
 * doesn't send anyone to support. `value` is what the user typed in the field
 * concerned (the email address, the login), named in the subject.
 */
export function supportLinkFor(contact: SupportContact, message: string, value?: string): string | null {
  const reason = REASONS.find((candidate) => candidate.matches(message));
  return reason ? supportHref(contact, reason.subject(value?.trim() || undefined)) : null;
}
