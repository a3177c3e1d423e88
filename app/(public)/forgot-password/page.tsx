import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { forgotPasswordAction } from "@/lib/auth/actions";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">Forgot your password?</h1>
      <p className="mb-6 text-sm text-gray-700">Enter your email or username and we&apos;ll email you a link to choose a new one.</p>
      <ActionForm action={forgotPasswordAction}>
        <TextField name="login" label="Email or username" autoComplete="username" required />
        <SubmitButton pendingLabel="Sending…">Send reset link</SubmitButton>
      </ActionForm>
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-blue-700 underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
