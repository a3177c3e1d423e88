// An individual customer's name (DESIGN §5): the form asks for a first and a
// last name, the customer row keeps one name. These two functions are the
// only place the two are joined and split again. Pure: safe in the browser.

/** The one name stored for an individual: first and last name, one space apart. */
export function individualName(firstName: string, lastName: string): string {
  return `${firstName.trim()} ${lastName.trim()}`.replace(/\s+/g, " ").trim();
}

/**
 * An individual's stored name back as the form's two fields: the first word
 * is the first name, the rest the last name ("Ana María López" → "Ana",
 * "María López"), so joining them again gives the same name.
 */
export function splitIndividualName(name: string): { firstName: string; lastName: string } {
  const [firstName = "", ...rest] = name.trim().split(/\s+/);
  return { firstName, lastName: rest.join(" ") };
}
