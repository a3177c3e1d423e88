/**
 * A partner's short name for the command line (`npm run apikey -- --partner northwind-solutions`),
 * derived from its name: lower case, letters and digits, words joined by "-". Not stored; two
 * partners with the same slug are told apart by id.
 */
export function partnerSlug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "partner"
  );
}
