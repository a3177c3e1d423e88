import Link from "next/link";
import { supportContact } from "@/lib/support-contact-config";
import { supportHref } from "@/lib/support-contact";
import { WhomToAsk } from "./forbidden-details";

export const metadata = { title: "No access" };

// Next renders this with every page, before the page itself (decision 0021):
// it can't know which permission the page was missing, and it must stay cheap
// (no query here; WhomToAsk asks only once the page is shown).
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access</h1>
      <p className="mt-2 text-gray-700">Your account doesn&apos;t have the permission this page needs.</p>
      <WhomToAsk />
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
