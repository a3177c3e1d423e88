"use server";
import { formAction } from "../operations/form.ts";
import { checkPartnerImportOp, importPartnersOp } from "./import-operations.ts";

// The vendor console's partner import form (app/admin/partners/import):
// thin adapters over lib/partners/import-operations.ts. The form posts the
// file itself each time; the server checks it again before writing.

export const checkPartnerImportAction = formAction(checkPartnerImportOp, {
  data: (check) => check,
});

export const importPartnersAction = formAction(importPartnersOp, {
  revalidate: "/admin/partners",
  data: (result) => result,
  message: ({ created, skipped }) =>
    `${created.length} ${created.length === 1 ? "partner" : "partners"} created${skipped ? `; ${skipped} ${skipped === 1 ? "row with errors was" : "rows with errors were"} skipped` : ""}. Each primary user was sent an activation email.`,
});
