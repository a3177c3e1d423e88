"use client";
import { useEffect, useState } from "react";
import type { PermissionNeeded } from "@/lib/auth/page-access";
import { forbiddenDetailsAction, type ForbiddenDetails as Details } from "@/lib/auth/whom-to-ask";

/**
 * "This page needs the “Manage team” permission … Ask Nadia Admin, your
 * organization's primary user, for it." The server renders every permission
 * the page needs; once shown, the page asks which of them the account lacks
 * and whom to ask (one action, only when the 403 page is really displayed).
 */
export function ForbiddenDetails({ path, needed }: { path: string; needed: PermissionNeeded[] }) {
  const [details, setDetails] = useState<Details | null>(null);
  useEffect(() => {
    let live = true;
    forbiddenDetailsAction(path).then(
      (found) => live && setDetails(found),
      () => live && setDetails(null),
    );
    return () => {
      live = false;
    };
  }, [path]);
  // Once known, only what is missing: a refusal that isn't about the page's permissions names none.
  const missing = details ? details.missing : needed;
  return (
    <>
      <p className="mt-2 text-gray-700">
        {missing.length === 0 ? (
          "Your account doesn't have the permission this page needs."
        ) : (
          <>
            This page needs the {list(missing.map((p) => `“${p.label}”`))} permission{missing.length > 1 ? "s" : ""}, which your account
            doesn&apos;t have.
          </>
        )}
      </p>
      {missing.length > 0 && (
        <ul className="mt-2 text-sm text-gray-600" aria-label="Missing permissions">
          {missing.map((p) => (
            <li key={p.permission}>
              {p.label}: {p.description}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-gray-700" aria-live="polite">
        {details?.primaryUser
          ? `Ask ${details.primaryUser}, your organization's primary user, for it.`
          : "Ask an administrator of your organization for it."}
      </p>
    </>
  );
}

function list(items: string[]) {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
