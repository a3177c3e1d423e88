"use client";
import { useEffect, useState } from "react";
import { primaryUserToAskAction } from "@/lib/auth/whom-to-ask";

/** "Ask Nadia Admin, your organization's primary user." — fetched only when the 403 page is actually shown. */
export function WhomToAsk() {
  const [name, setName] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    primaryUserToAskAction().then(
      (found) => live && setName(found),
      () => live && setName(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <p className="mt-2 text-gray-700" aria-live="polite">
      {name ? `Ask ${name}, your organization's primary user, for it.` : "Ask an administrator of your organization for it."}
    </p>
  );
}
