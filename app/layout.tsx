import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SupportContactProvider } from "@/components/ui/support-link";
import { supportContact } from "@/lib/support-contact-config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Partner Portal", template: "%s · Partner Portal" },
  description: "Manage your team, customers and licenses.",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "any" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request so Next can put the CSP nonce (proxy.ts) on its scripts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-gray-50 font-sans text-gray-900 antialiased">
        <SupportContactProvider contact={supportContact()}>{children}</SupportContactProvider>
      </body>
    </html>
  );
}
