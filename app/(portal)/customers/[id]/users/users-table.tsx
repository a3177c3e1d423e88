"use client";
import { useRef, useState, useTransition } from "react";
import Link from "next/link";
import {
  deleteCustomerUsersAction,
  manageLicensesAction,
  previewLicensesAction,
  resetCustomerUserPasswordAction,
  selectMatchingCustomerUsersAction,
} from "@/lib/customers/actions";
import type { LicenseChangeResult, LicensePreview } from "@/lib/licenses/manage";
import { StatusBadge } from "@/components/ui/status-badge";
import { CredentialsConfirmation, type ShownCredential } from "../../credentials-confirmation";
import { DataTable } from "@/components/ui/table";
import { postToAction } from "@/components/form/post-values";

type Row = {
  id: string;
  name: string;
  email: string;
  username: string | null;
  status: string;
  mustChangePassword: boolean;
  productIds: string[];
  productNames: string[];
};
type Subscription = { productId: string; name: string; free: number };

type Outcome =
  | { kind: "message"; ok: boolean; text: string }
  | { kind: "licenses"; results: LicenseChangeResult[] }
  | { kind: "credentials"; credentials: ShownCredential[] };

const button = "rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-50 disabled:opacity-50";

export function CustomerUsersTable({
  customerId,
  users,
  total,
  totalCapped = false,
  filters,
  subscriptions,
  canManage,
  canLicense,
}: {
  customerId: string;
  users: Row[];
  total: number;
  /** More match than `total` (the count stops at CUSTOMER_USERS_COUNT_CAP). */
  totalCapped?: boolean;
  filters: { query: string; license: string; status: string };
  subscriptions: Subscription[];
  canManage: boolean;
  canLicense: boolean;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [pending, startTransition] = useTransition();
  const dialog = useRef<HTMLDialogElement>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<LicensePreview[]>([]);

  const selectedIds = [...selected];
  const allOnPage = users.length > 0 && users.every((u) => selected.has(u.id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function selectAllMatching() {
    startTransition(async () => {
      const result = await postToAction(selectMatchingCustomerUsersAction, { customerId, ...filters });
      if (result.ok) setSelected(new Set(result.data));
      else setOutcome({ kind: "message", ok: false, text: result.formError ?? "Could not select the users." });
    });
  }

  function refreshPreview(nextTicked: Set<string>, nextTouched: Set<string>) {
    startTransition(async () => {
      const result = await postToAction(previewLicensesAction, {
        customerId,
        userIds: selectedIds,
        productIds: [...nextTicked],
        offeredProductIds: [...nextTouched],
      });
      setPreview(result.ok ? result.data : []);
    });
  }

  function openLicenses() {
    const onPage = users.filter((u) => selected.has(u.id));
    const everyoneHolds = (productId: string) => onPage.length === selectedIds.length && onPage.every((u) => u.productIds.includes(productId));
    const initial = new Set(subscriptions.map((s) => s.productId).filter(everyoneHolds));
    setTicked(initial);
    setTouched(new Set());
    setPreview([]);
    dialog.current?.showModal();
  }

  function tick(productId: string, checked: boolean) {
    const nextTicked = new Set(ticked);
    if (checked) nextTicked.add(productId);
    else nextTicked.delete(productId);
    const nextTouched = new Set(touched).add(productId);
    setTicked(nextTicked);
    setTouched(nextTouched);
    refreshPreview(nextTicked, nextTouched);
  }

  function saveLicenses() {
    startTransition(async () => {
      const result = await postToAction(manageLicensesAction, {
        customerId,
        userIds: selectedIds,
        productIds: [...ticked].filter((id) => touched.has(id)),
        offeredProductIds: [...touched],
      });
      dialog.current?.close();
      setOutcome(result.ok ? { kind: "licenses", results: result.data } : { kind: "message", ok: false, text: result.formError ?? "Not saved." });
    });
  }

  function resetPassword() {
    startTransition(async () => {
      const result = await postToAction(resetCustomerUserPasswordAction, { customerId, userId: selectedIds[0] });
      setOutcome(result.ok ? { kind: "credentials", credentials: result.data.credentials } : { kind: "message", ok: false, text: result.formError ?? "Not reset." });
    });
  }

  function deleteSelected() {
    startTransition(async () => {
      const result = await postToAction(deleteCustomerUsersAction, { customerId, userIds: selectedIds });
      setConfirmingDelete(false);
      if (result.ok) setSelected(new Set());
      setOutcome({ kind: "message", ok: result.ok, text: (result.ok ? result.message : result.formError) ?? "" });
    });
  }

  return (
    <div>
      {(canManage || canLicense) && (
        <div role="toolbar" aria-label="Selected users" className="mb-3 flex flex-wrap items-center gap-3 text-sm">
          <span aria-live="polite">{selected.size} selected</span>
          {(totalCapped || total > users.length) && (totalCapped || selected.size < total) && (
            <button type="button" className={button} onClick={selectAllMatching} disabled={pending}>
              Select all {total.toLocaleString("en")}
              {totalCapped ? "+" : ""} matching
            </button>
          )}
          {selected.size > 0 && (
            <button type="button" className={button} onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
          )}
          {canLicense && (
            <button type="button" className={button} disabled={selected.size === 0 || pending || subscriptions.length === 0} onClick={openLicenses}>
              Manage licenses
            </button>
          )}
          {canManage && (
            <>
              <button type="button" className={button} disabled={selected.size !== 1 || pending} onClick={resetPassword}>
                Reset password
              </button>
              <button type="button" className={button} disabled={selected.size === 0 || pending} onClick={() => setConfirmingDelete(true)}>
                Delete
              </button>
            </>
          )}
        </div>
      )}

      {confirmingDelete && (
        <div role="alertdialog" aria-labelledby="delete-question" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
          <p id="delete-question">
            Delete {selected.size} {selected.size === 1 ? "user" : "users"}? Their seats are freed. You can restore them with their licenses for 30 days.
          </p>
          <div className="mt-3 flex gap-3">
            <button type="button" className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800" onClick={deleteSelected} disabled={pending}>
              Delete {selected.size === 1 ? "user" : "users"}
            </button>
            <button type="button" className={button} onClick={() => setConfirmingDelete(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {outcome && <OutcomeView outcome={outcome} customerId={customerId} />}

      <DataTable
        caption="Users"
        headers={[
          (canManage || canLicense) && {
            key: "select",
            content: (
              <input
                type="checkbox"
                aria-label="Select all users on this page"
                checked={allOnPage}
                onChange={(event) =>
                  setSelected((current) => {
                    const next = new Set(current);
                    for (const u of users) if (event.target.checked) next.add(u.id); else next.delete(u.id);
                    return next;
                  })
                }
              />
            ),
          },
          "Name",
          "Email",
          "User name",
          "Status",
          "Licenses",
        ]}
        empty={users.length === 0 && "No users match."}
      >
        {users.map((user) => (
          <tr key={user.id}>
            {(canManage || canLicense) && (
              <td className="px-4 py-3">
                <input type="checkbox" aria-label={`Select ${user.name}`} checked={selected.has(user.id)} onChange={() => toggle(user.id)} />
              </td>
            )}
            <td className="px-4 py-3">
              {canManage ? (
                <Link href={`/customers/${customerId}/users/${user.id}`} className="text-blue-700 underline">
                  {user.name}
                </Link>
              ) : (
                user.name
              )}
            </td>
            <td className="px-4 py-3">{user.email}</td>
            <td className="px-4 py-3 font-mono">{user.username ?? "—"}</td>
            <td className="px-4 py-3">
              <StatusBadge status={user.status} />
              {user.mustChangePassword && <span className="ml-2 text-xs text-gray-600">Temporary password</span>}
            </td>
            <td className="px-4 py-3">{user.productNames.length ? user.productNames.join(", ") : <span className="text-gray-500">No license</span>}</td>
          </tr>
        ))}
      </DataTable>

      <dialog ref={dialog} aria-labelledby="licenses-heading" className="m-auto w-full max-w-lg rounded-lg p-6 backdrop:bg-black/40">
        <h2 id="licenses-heading" className="text-lg font-semibold">
          Manage licenses
        </h2>
        <p className="mt-1 text-sm text-gray-700">
          For the {selected.size} selected {selected.size === 1 ? "user" : "users"}: tick to assign, untick to revoke. Products you don&apos;t touch stay as they are.
        </p>
        <fieldset className="mt-4 space-y-2">
          <legend className="sr-only">Products</legend>
          {subscriptions.map((s) => {
            const line = preview.find((p) => p.productId === s.productId);
            const short = line && line.needed > line.free;
            return (
              <div key={s.productId} className="flex items-start gap-2 text-sm">
                <input id={`license-${s.productId}`} type="checkbox" checked={ticked.has(s.productId)} onChange={(event) => tick(s.productId, event.target.checked)} className="mt-1" />
                <label htmlFor={`license-${s.productId}`}>
                  <span className="font-medium">{s.name}</span>
                  {touched.has(s.productId) && ticked.has(s.productId) && line && (
                    <span className={`ml-2 ${short ? "font-semibold text-red-700" : "text-gray-700"}`}>
                      {line.needed} needed, {line.free} free{short ? ": some users won't get it" : ""}
                    </span>
                  )}
                  {touched.has(s.productId) && !ticked.has(s.productId) && <span className="ml-2 text-gray-700">will be revoked</span>}
                </label>
              </div>
            );
          })}
        </fieldset>
        <div className="mt-6 flex gap-3">
          <button type="button" onClick={saveLicenses} disabled={pending || touched.size === 0} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
            Save licenses
          </button>
          <button type="button" className={button} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </div>
  );
}

function OutcomeView({ outcome, customerId }: { outcome: Outcome; customerId: string }) {
  if (outcome.kind === "credentials") {
    return (
      <div className="mb-4">
        <CredentialsConfirmation customerId={customerId} credentials={outcome.credentials} heading="Password reset" intro="The user must choose a new password at next sign-in; their other sessions have ended." />
      </div>
    );
  }
  if (outcome.kind === "message") {
    return (
      <p role={outcome.ok ? "status" : "alert"} className={`mb-4 rounded-md border px-4 py-3 text-sm ${outcome.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
        {outcome.text}
      </p>
    );
  }
  return (
    <section role="status" aria-label="License changes" className="mb-4 rounded-md border border-gray-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">License changes</h2>
      <ul className="mt-2 space-y-1">
        {outcome.results.map((r) => (
          <li key={r.userId}>
            <span className="font-medium">{r.name}</span>:{" "}
            {[
              r.assigned.length ? `assigned ${r.assigned.join(", ")}` : "",
              r.revoked.length ? `revoked ${r.revoked.join(", ")}` : "",
              r.refused.length ? `refused ${r.refused.join(", ")} (no free seat)` : "",
            ]
              .filter(Boolean)
              .join("; ") || "no change"}
          </li>
        ))}
      </ul>
    </section>
  );
}
