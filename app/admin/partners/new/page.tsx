import { requireStaffPage } from "@/lib/auth/staff";
import { createPartnerAction } from "@/lib/partners/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { NewPersonFields } from "@/components/form/person-fields";
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
        <NewPersonFields phone />
        <SubmitButton pendingLabel="Creating…">Create partner and send invitation</SubmitButton>
      </ActionForm>
    </FormPage>
  );
}
