"use client";
import { useState, useTransition } from "react";
import { restoreCustomerUsersAction } from "@/lib/customers/actions";
import type { RestoreResult } from "@/lib/customers/customer-users";
import { DataTable } from "@/components/ui/table";
import { postToAction } from "@/components/form/post-values";

type DeletedRow = { id: string; name: string; email: string; daysLeft: number; licenses: string[] };

export function DeletedUsers({ customerId, users, canManage }: { customerId: string; users: DeletedRow[]; canManage: boolean }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<{ message?: string; error?: string; rows: RestoreResult[] } | null>(null);
  const [pending, startTransition] = useTransition();

  function restore() {
    startTransition(async () => {
      const result = await postToAction(restoreCustomerUsersAction, { customerId, userIds: [...selected] });
      if (result.ok) {
        setSelected(new Set());
        setResults({ message: result.message, rows: result.data });
      } else setResults({ error: result.formError, rows: [] });
    });
  }

  return (
    <div>
      {canManage && (
        <div role="toolbar" aria-label="Selected deleted users" className="mb-3 flex items-center gap-3 text-sm">
          <span aria-live="polite">{selected.size} selected</span>
          <button
            type="button"
            onClick={restore}
            disabled={selected.size === 0 || pending}
            className="rounded-md bg-blue-700 px-3 py-1.5 font-semibold text-white hover:bg-blue-800 disabled:opacity-50"
          >
            Restore
          </button>
        </div>
      )}
      {results && (
        <section role={results.error ? "alert" : "status"} aria-label="Restore results" className="mb-4 rounded-md border border-gray-200 bg-white p-4 text-sm">
          <p className="font-semibold">{results.error ?? results.message}</p>
          <ul className="mt-2 space-y-1">
            {results.rows.map((r) => (
              <li key={r.userId}>
                <span className="font-medium">{r.name}</span>:{" "}
                {r.restored
                  ? [
                      `restored${r.licensesRestored.length ? ` with ${r.licensesRestored.join(", ")}` : ""}`,
                      ...r.licensesNotRestored.map((l) => `${l.product} not restored: ${l.reason}`),
                    ].join("; ")
                  : `not restored: ${r.reason}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      <DataTable
        caption="Deleted users"
        headers={[canManage && { label: "Select", hidden: true }, "Name", "Email", "Licenses held", "Days left"]}
        empty={users.length === 0 && "No deleted users in the last 30 days."}
      >
        {users.map((user) => (
          <tr key={user.id}>
            {canManage && (
              <td className="px-4 py-3">
                <input
                  type="checkbox"
                  aria-label={`Select ${user.name}`}
                  checked={selected.has(user.id)}
                  onChange={() =>
                    setSelected((current) => {
                      const next = new Set(current);
                      if (next.has(user.id)) next.delete(user.id);
                      else next.add(user.id);
                      return next;
                    })
                  }
                />
              </td>
            )}
            <td className="px-4 py-3">{user.name}</td>
            <td className="px-4 py-3">{user.email}</td>
            <td className="px-4 py-3">{user.licenses.join(", ") || "—"}</td>
            <td className="px-4 py-3">
              {user.daysLeft} {user.daysLeft === 1 ? "day" : "days"}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
