import Link from "next/link";
import { requireStaffPage } from "@/lib/auth/staff";
import { createPartnerAction } from "@/lib/partners/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";

export const metadata = { title: "Create partner · Vendor console" };

export default async function CreatePartnerPage() {
  await requireStaffPage("partners.manage");
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm">
        <Link href="/admin/partners" className="text-blue-700 underline">
          Partners
        </Link>
      </p>
      <h1 className="mb-6 text-2xl font-semibold">Create partner</h1>
      <div className="rounded-lg border border-gray-200 bg-white p-6">
        <ActionForm action={createPartnerAction} aria-label="Create partner">
          <TextField name="name" label="Partner name" autoComplete="organization" required />
          <h2 className="pt-2 text-lg font-semibold">Primary user</h2>
          <p className="text-sm text-gray-600">Invited by email as the partner&apos;s Partner Admin.</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="firstName" label="First name" autoComplete="off" required />
            <TextField name="lastName" label="Last name" autoComplete="off" required />
          </div>
          <TextField name="email" label="Email" type="email" autoComplete="off" required />
          <TextField name="phone" label="Phone" type="tel" hint="Include the country code, like +1 415 555 0100." />
          <SubmitButton pendingLabel="Creating…">Create partner and send invitation</SubmitButton>
        </ActionForm>
      </div>
    </div>
  );
}
