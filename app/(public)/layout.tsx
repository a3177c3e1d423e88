import type { ReactNode } from "react";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="mb-6 text-center text-lg font-semibold text-blue-800">Partner Portal</p>
      <div className="rounded-lg border border-gray-200 bg-white p-8 shadow-sm">{children}</div>
    </main>
  );
}
