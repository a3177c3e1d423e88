// An individual customer's name is typed as first and last name, stored as one
// and split back into the edit form (lib/customers/names.ts).
import { describe, expect, it } from "vitest";
import { CustomerInput } from "@/lib/customers/schemas";
import { splitIndividualName } from "@/lib/customers/names";

const individual = (firstName: string, lastName: string) =>
  CustomerInput.parse({ type: "INDIVIDUAL", firstName, lastName, contactEmail: "ana@example.test" }).name;

describe("an individual customer's name", () => {
  it("is stored as first and last name, one space apart, whatever spacing was typed", () => {
    expect(individual("Ada", "Lovelace")).toBe("Ada Lovelace");
    expect(individual("Ana  María", "López   Gómez")).toBe("Ana María López Gómez");
  });

  it("comes back into the edit form as the same two fields when neither holds a space", () => {
    expect(splitIndividualName(individual("Ada", "Lovelace"))).toEqual({ firstName: "Ada", lastName: "Lovelace" });
  });

  it("comes back with the first word as first name and the rest as last name, never a stray space", () => {
    expect(splitIndividualName(individual("Ana", "María  López"))).toEqual({ firstName: "Ana", lastName: "María López" });
    expect(splitIndividualName("Ana  María López")).toEqual({ firstName: "Ana", lastName: "María López" });
    expect(splitIndividualName("Cher")).toEqual({ firstName: "Cher", lastName: "" });
  });

  it("saved again unchanged from the edit form, keeps the stored name", () => {
    for (const name of ["Ada Lovelace", "Ana María López Gómez", "Jean-Luc Picard"]) {
      const { firstName, lastName } = splitIndividualName(name);
      expect(individual(firstName, lastName)).toBe(name);
    }
  });
});
