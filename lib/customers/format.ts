// Human-friendly numbers (DESIGN §5). Pure: safe in client components.

export function formatCustomerNumber(number: number): string {
  return `C-${String(number).padStart(6, "0")}`;
}

export function formatOrderNumber(number: number): string {
  return `O-${String(number).padStart(6, "0")}`;
}

/** "C-000123", "c-123" and "123" all mean customer 123; anything else is not a customer ID. */
export function parseCustomerNumber(query: string): number | null {
  const match = /^\s*(?:c-?)?0*(\d{1,9})\s*$/i.exec(query);
  if (!match) return null;
  const number = Number(match[1]);
  return number > 0 && number <= 2_147_483_647 ? number : null;
}
