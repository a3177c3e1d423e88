/** The search box that finds a partner's customers by name, email or customer ID (lib/customers search), submitted by GET to `action`. */
export function CustomerSearch({ action, id, label, button, defaultValue }: { action: string; id: string; label: string; button: string; defaultValue?: string }) {
  return (
    <form role="search" action={action} className="mb-4 flex gap-2">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Name, email or customer ID (C-000123)"
        className="w-full max-w-md rounded-md border border-gray-300 px-3 py-2 text-sm"
      />
      <button type="submit" className="rounded-md border border-gray-300 px-3 py-2 text-sm font-medium hover:bg-gray-50">
        {button}
      </button>
    </form>
  );
}
