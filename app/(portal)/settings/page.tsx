import { requirePartnerPage } from "@/lib/auth/page-guards";
import { getPartnerProfile } from "@/lib/settings/profile";
import { listApiKeys, grantablePermissions } from "@/lib/api-keys/keys";
import { PERMISSION_INFO } from "@/lib/auth/permissions";
import { createApiKeyAction, revokeApiKeyAction, updateProfileAction } from "@/lib/settings/actions";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { ActionButton } from "@/components/form/action-button";
import { CreateKeyForm } from "./create-key-form";
import { DataTable } from "@/components/ui/table";

export const metadata = { title: "Settings" };

const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

export default async function SettingsPage() {
  const caller = await requirePartnerPage("/settings");
  const [profile, keys] = await Promise.all([getPartnerProfile(caller), listApiKeys(caller)]);
  const permissions = grantablePermissions(caller).map((p) => ({ value: p, label: PERMISSION_INFO[p].label }));

  return (
    <div className="max-w-3xl space-y-10">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section aria-labelledby="profile-heading" className="space-y-4">
        <h2 id="profile-heading" className="text-lg font-semibold">Organization profile</h2>
        <ActionForm action={updateProfileAction} aria-label="Organization profile">
          <TextField name="name" label="Organization name" required defaultValue={profile.name} />
          <TextField name="contactEmail" label="Contact email" type="email" defaultValue={profile.contactEmail ?? ""} />
          <TextField name="phone" label="Phone" type="tel" hint="With country code, like +1 415 555 0100." defaultValue={profile.phone ?? ""} />
          <SubmitButton>Save profile</SubmitButton>
        </ActionForm>
      </section>
      <section aria-labelledby="keys-heading" className="space-y-4">
        <h2 id="keys-heading" className="text-lg font-semibold">API keys</h2>
        <p className="text-sm text-gray-600">
          Programs call the <a className="underline" href="/api/docs">Partner Portal API</a> with{" "}
          <code>Authorization: Bearer &lt;key&gt;</code>. A key can do only what its permissions allow.
        </p>
        <CreateKeyForm action={createApiKeyAction} permissions={permissions} />
        <DataTable
          caption="API keys"
          headers={["Name", "Key", "Permissions", "Last used", "Status", { label: "Actions", hidden: true }]}
          empty={keys.length === 0 && "No API keys yet."}
        >
          {keys.map((key) => (
            <tr key={key.id} className="align-top">
              <td className="px-4 py-2">{key.name}</td>
              <td className="px-4 py-2 font-mono">{key.prefix}…</td>
              <td className="px-4 py-2">{key.permissions.map((p) => PERMISSION_INFO[p as keyof typeof PERMISSION_INFO]?.label ?? p).join(", ")}</td>
              <td className="px-4 py-2">{when(key.lastUsedAt)}</td>
              <td className="px-4 py-2">
                {key.state === "active" ? (key.expiresAt ? `Active until ${when(key.expiresAt)}` : "Active") : key.state === "expired" ? "Expired" : "Revoked"}
              </td>
              <td className="px-4 py-2 text-right">
                {key.state !== "revoked" && (
                  <ActionButton action={revokeApiKeyAction} fields={{ apiKeyId: key.id }} label="Revoke" accessibleName={`Revoke ${key.name}`} variant="danger" size="sm" />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
