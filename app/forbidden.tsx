import Link from "next/link";
import { headers } from "next/headers";
import { supportContact } from "@/lib/support-contact-config";
import { supportHref } from "@/lib/support-contact";
import { permissionsNeededFor } from "@/lib/auth/page-access";
import { PATH_HEADER } from "@/lib/http/path-header";
import { ForbiddenDetails } from "./forbidden-details";

export const metadata = { title: "No access" };

// Next renders this with every page, before the page's guard has run (decision
// 0021), so it stays cheap: no query here. The path (set by proxy.ts) picks the
// page's row of the table its guard reads (lib/auth/page-access.ts), naming the
// permissions the page needs; ForbiddenDetails narrows them to the missing ones
// and names whom to ask once the page is actually shown (decision 0025).
export default async function Forbidden() {
  const path = (await headers()).get(PATH_HEADER) ?? "";
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access</h1>
      <ForbiddenDetails path={path} needed={permissionsNeededFor(path)} />
      <p className="mt-2 text-sm text-gray-600">
        Think this is a mistake?{" "}
        <a href={supportHref(supportContact(), "Access to a page I can't open")} className="text-blue-700 underline">
          Contact support
        </a>
      </p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">
        Go to the dashboard
      </Link>
    </main>
  );
}
