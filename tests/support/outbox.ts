// The outbox as a recipient sees it: the newest email of one kind sent to an
// address, and the single-use token in its link (the part of the URL the
// recipient's click hands to /activate, /reset-password or /confirm-email).
import { db } from "@/lib/db/client";
import type { EmailProps, EmailTemplate } from "@/lib/email/templates";

/** The emails that carry a single-use link: the prop that holds the URL, and the path the token follows. */
const LINKS = {
  activation: { prop: "activationUrl", path: "/activate/" },
  "invite-resent": { prop: "activationUrl", path: "/activate/" },
  "invite-reminder": { prop: "activationUrl", path: "/activate/" },
  "customer-welcome": { prop: "activationUrl", path: "/activate/" },
  "password-reset": { prop: "resetUrl", path: "/reset-password/" },
  "email-change-confirm": { prop: "confirmUrl", path: "/confirm-email/" },
} as const satisfies { [T in EmailTemplate]?: { prop: keyof EmailProps[T]; path: string } };

type LinkTemplate = keyof typeof LINKS;

/** The newest email of this template to this address, with its props typed (fails when there is none). */
export async function latestEmail<T extends EmailTemplate>(to: string, template: T) {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to, template }, orderBy: { createdAt: "desc" } });
  return { ...mail, template, props: mail.props as EmailProps[T] };
}

/** The token in the link of this email. */
export function linkToken<T extends LinkTemplate>(mail: { template: T; props: EmailProps[T] }): string {
  return tokenIn(mail.template, mail.props);
}

function tokenIn(template: LinkTemplate, props: unknown): string {
  const { prop, path } = LINKS[template];
  const url = String((props as Record<string, unknown>)[prop]);
  const token = url.split(path)[1];
  if (!token) throw new Error(`The ${template} email has no ${path}<token> link in ${prop}: ${url}`);
  return token;
}

/** The token in the link of the newest email of this template to this address. */
export async function latestLinkToken(to: string, template: LinkTemplate): Promise<string> {
  return linkToken(await latestEmail(to, template));
}

/** The tokens in the links of every email with a link sent to this address, oldest first. */
export async function linkTokens(to: string): Promise<string[]> {
  const templates = Object.keys(LINKS) as LinkTemplate[];
  const mails = await db.outboxEmail.findMany({ where: { to, template: { in: templates } }, orderBy: { createdAt: "asc" } });
  return mails.map((mail) => tokenIn(mail.template as LinkTemplate, mail.props));
}
