import type { ReactNode } from "react";
import { signOutAction } from "@/lib/auth/actions";

// Pages every signed-in user may need before the portal opens to them (a
// temporary password to replace): no navigation, only a way out.
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-lg font-semibold text-blue-800">Partner Portal</p>
        <form action={signOutAction}>
          <button type="submit" className="rounded-md border border-gray-300 px-3 py-1.5 text-sm hover:bg-gray-50">
            Sign out
          </button>
        </form>
      </div>
      <div className="rounded-lg border border-gray-200 bg-white p-8 shadow-sm">{children}</div>
    </main>
  );
}
