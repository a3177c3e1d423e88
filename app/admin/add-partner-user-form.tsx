import { PARTNER_ROLES, type PartnerRoleKey } from "@/lib/auth/permissions";
import { addPartnerUserAction } from "@/lib/partners/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { ChoiceGroup, SelectField, TextField } from "@/components/form/fields";
import { EmailHolderLink } from "./email-holder-link";

type Prefill = { firstName?: string; lastName?: string; email?: string; phone?: string };

/**
 * Add partner user on a partner's behalf: for one partner (its detail page) or
 * with a partner to choose (inviting a freed address from an account page).
 * `roles` are the ones this staff member may give (assignablePartnerRoles):
 * support isn't offered Partner Admin.
 */
export function AddPartnerUserForm({
  partnerId,
  partners,
  roles,
  prefill = {},
  label = "Add partner user",
}: {
  partnerId?: string;
  partners?: { id: string; name: string }[];
  roles: PartnerRoleKey[];
  prefill?: Prefill;
  label?: string;
}) {
  return (
    <ActionForm action={addPartnerUserAction} aria-label={label} hiddenFields={partnerId ? { partnerId } : undefined}>
      {partners && (
        <SelectField
          name="partnerId"
          label="Partner"
          required
          placeholder="— Choose a partner —"
          options={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="firstName" label="First name" autoComplete="off" required defaultValue={prefill.firstName} />
        <TextField name="lastName" label="Last name" autoComplete="off" required defaultValue={prefill.lastName} />
      </div>
      <TextField name="email" label="Email" type="email" autoComplete="off" required defaultValue={prefill.email} />
      <EmailHolderLink />
      <TextField
        name="phone"
        label="Phone"
        type="tel"
        required
        defaultValue={prefill.phone}
        hint="Include the country code, like +44 20 7946 0958."
      />
      <ChoiceGroup
        type="radio"
        name="role"
        legend="Role"
        hint={roles.includes("partner_admin") ? undefined : "Only a Portal Admin can add a Partner Admin."}
        options={roles.map((key) => ({
          value: key,
          label: PARTNER_ROLES[key].label,
          description:
            PARTNER_ROLES[key].requiresManager ? "Customers, licenses and orders; reports to the partner's primary user." : PARTNER_ROLES[key].description,
        }))}
      />
      <SubmitButton pendingLabel="Sending invitation…">Send invitation</SubmitButton>
    </ActionForm>
  );
}
