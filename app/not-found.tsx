import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-gray-700">This page doesn&apos;t exist, or you don&apos;t have access to it.</p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">
        Go to the dashboard
      </Link>
    </main>
  );
}
