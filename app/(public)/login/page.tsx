import { flag, readSearchParams, type RawSearchParams } from "@/lib/http/params";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { signInAction } from "@/lib/auth/actions";
import { getCaller } from "@/lib/auth/caller";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  if (await getCaller()) redirect("/");
  const {
    values: { signedOut },
  } = readSearchParams(await searchParams, { signedOut: flag });
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
      {signedOut && (
        <p role="status" className="mb-4 rounded-md bg-gray-100 px-4 py-3 text-sm">
          You have signed out.
        </p>
      )}
      <ActionForm action={signInAction}>
        <TextField name="login" label="Email or username" autoComplete="username" required />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" required />
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      </ActionForm>
      <p className="mt-6 text-sm">
        <Link href="/forgot-password" className="text-blue-700 underline">
          Forgot your password?
        </Link>
      </p>
    </>
  );
}
