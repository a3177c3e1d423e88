"use client";
import Link from "next/link";
import { useField } from "@/components/form/action-form";

/**
 * Under an email field of the console: when the address is taken, a link to
 * the account that holds it, where support can resolve the duplicate.
 */
export function EmailHolderLink() {
  const { errors, value } = useField("email");
  // Matches EMAIL_HELD_PREFIX in lib/support/email-holder.ts (a server module).
  if (!errors?.some((error) => error.startsWith("This email already belongs to")) || typeof value !== "string") return null;
  return (
    <p className="-mt-3 text-sm">
      <Link href={`/admin/accounts?q=${encodeURIComponent(value.trim())}`} className="text-blue-700 underline">
        Open the account that holds {value.trim()}
      </Link>
    </p>
  );
}
