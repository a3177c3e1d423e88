import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access</h1>
      <p className="mt-2 text-gray-700">Ask an administrator of your organization for the permission you need.</p>
      <Link href="/" className="mt-6 inline-block text-blue-700 underline">
        Go to the dashboard
      </Link>
    </main>
  );
}
