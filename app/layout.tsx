import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Partner Portal", template: "%s · Partner Portal" },
  description: "Manage your team, customers and licenses.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request so Next can put the CSP nonce (proxy.ts) on its scripts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-gray-50 font-sans text-gray-900 antialiased">{children}</body>
    </html>
  );
}
