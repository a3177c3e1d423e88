import { render } from "@react-email/render";
import { createElement } from "react";
import { EMAIL_TEMPLATES, type EmailProps, type EmailTemplate } from "./templates.ts";

// html-to-text shouts headings in capitals by default; a heading reads fine as written.
const TEXT_OPTIONS = { plainText: true, htmlToTextOptions: { selectors: [{ selector: "h1", options: { uppercase: false } }] } } as const;

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail<T extends EmailTemplate>(template: T, props: EmailProps[T]): Promise<RenderedEmail> {
  const { component, subject } = EMAIL_TEMPLATES[template];
  const element = createElement(component, props);
  const [html, text] = await Promise.all([render(element), render(element, TEXT_OPTIONS)]);
  return { subject: subject(props), html, text };
}
