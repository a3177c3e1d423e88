import { requireStaffPage } from "@/lib/auth/staff";
import { createPartnerAction } from "@/lib/partners/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { FormPage } from "@/components/ui/form-page";

export const metadata = { title: "Create partner · Vendor console" };

export default async function CreatePartnerPage() {
  await requireStaffPage("partners.manage");
  return (
    <FormPage back={{ href: "/admin/partners", label: "Partners" }} title="Create partner">
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
    </FormPage>
  );
}
