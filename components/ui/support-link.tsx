"use client";
import { createContext, useContext, type ReactNode } from "react";
import { supportLinkFor, type SupportContact } from "@/lib/support-contact";

// The support contact (SUPPORT_EMAIL / SUPPORT_URL, read on the server by the
// root layout) for client components that turn a message into a link.
const SupportContactContext = createContext<SupportContact | null>(null);

export function SupportContactProvider({ contact, children }: { contact: SupportContact; children: ReactNode }) {
  return <SupportContactContext value={contact}>{children}</SupportContactContext>;
}

/** "Contact support" after a message of lib/support-contact.ts's catalog, with its reason prefilled; nothing otherwise. */
export function SupportLinkFor({ message, value }: { message: string; value?: string }) {
  const contact = useContext(SupportContactContext);
  const href = contact ? supportLinkFor(contact, message, value) : null;
  if (!href) return null;
  return (
    <>
      {" "}
      <a href={href} className="font-medium underline">
        Contact support
      </a>
    </>
  );
}
