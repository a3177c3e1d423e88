import { randomInt } from "node:crypto";

// Customer users sign in with a user name (or their email). The name reads
// like the person and ends in a random suffix, because usernames stay unique
// even after a user is deleted and a namesake is added.

const SUFFIX_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function slug(value: string) {
  const ascii = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
  return ascii.slice(0, 20) || "user";
}

export function generateUsername(firstName: string, lastName: string): string {
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return `${slug(firstName)}.${slug(lastName)}-${suffix}`;
}
