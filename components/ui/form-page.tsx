import type { ReactNode } from "react";
import { BackLink } from "./back-link";

/**
 * The shell of a page that is one form: a back link, the title, an optional
 * intro (rendered as given, between the title and the form) and the form in a
 * white card.
 */
export function FormPage({
  back,
  title,
  intro,
  children,
}: {
  back: { href: string; label: ReactNode };
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="max-w-2xl">
      <BackLink href={back.href}>{back.label}</BackLink>
      <h1 className="mb-6 text-2xl font-semibold">{title}</h1>
      {intro}
      <div className="rounded-lg border border-gray-200 bg-white p-6">{children}</div>
    </div>
  );
}
