import "server-only";
import { z } from "zod";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { ConflictError, NotFoundError, ValidationError } from "../errors.ts";
import { STAFF_ROLE_KEYS } from "../auth/permissions.ts";
import { createInvitedUser } from "../team/invite.ts";
import { emailField, nameField } from "../validation/fields.ts";
import { assertMayActOnAccount, assertStaff, staffActor } from "./staff-access.ts";
import { createHoldingEmail } from "./email-holder.ts";
import { isDetachedEmail } from "./resolve.ts";
import type { Caller } from "../auth/caller.ts";
import { endSessions } from "../auth/sessions.ts";

// Vendor staff accounts (DESIGN §1, §3): Portal Owners invite, disable and enable
// staff. Nobody acts above their own role, and a Portal Owner always remains.

export const InviteStaffInput = z.object({
  firstName: nameField("First name"),
  lastName: nameField("Last name"),
  email: emailField,
  role: z.enum(STAFF_ROLE_KEYS, { error: "Choose a role." }),
});
export type InviteStaffInput = z.output<typeof InviteStaffInput>;

export const StaffMemberInput = z.object({ userId: z.uuid({ error: "Unknown staff member." }) });

export async function listStaff(caller: Caller) {
  assertStaff(caller, "staff.manage");
  return db.user.findMany({
    where: { kind: "STAFF", deletedAt: null },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true, email: true, role: true, status: true, lastSignInAt: true, passwordHash: true },
  }).then((users) => users.map(({ passwordHash, ...user }) => ({ ...user, canBeEnabled: user.status === "DISABLED" && passwordHash !== null && !isDetachedEmail(user.email) })));
}

export async function inviteStaff(caller: Caller, input: InviteStaffInput) {
  assertStaff(caller, "staff.manage");
  await db.$transaction((tx) => assertMayActOnAccount(tx, caller, { id: "", kind: "STAFF", role: input.role, status: "INVITED" }, { removesAccess: false }));
  return createHoldingEmail(input.email, async (tx) => {
    const created = await createInvitedUser(
      tx,
      { kind: "STAFF", firstName: input.firstName, lastName: input.lastName, email: input.email, role: input.role },
      { userId: caller.userId, firstName: caller.firstName, lastName: caller.lastName, partnerName: "the vendor team" },
    );
    await recordAudit(tx, staffActor(caller, null), {
      action: "staff.invited",
      partnerId: null,
      target: { type: "user", id: created.id },
      changes: { email: input.email, role: input.role },
    });
    return created;
  });
}

export async function setStaffDisabled(caller: Caller, userId: string, disabled: boolean) {
  assertStaff(caller, "staff.manage");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, kind: "STAFF", deletedAt: null },
      select: { id: true, kind: true, role: true, status: true, email: true, firstName: true, lastName: true, passwordHash: true },
    });
    if (!user) throw new NotFoundError("That staff member doesn't exist.");
    await assertMayActOnAccount(tx, caller, user, { removesAccess: disabled });
    if (disabled) {
      if (user.status === "DISABLED") throw new ConflictError(`${user.firstName} ${user.lastName} is already disabled.`);
      await tx.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
      await endSessions(tx, user.id, "disabled");
    } else {
      if (user.status !== "DISABLED") throw new ConflictError(`${user.firstName} ${user.lastName} is not disabled.`);
      if (!user.passwordHash || isDetachedEmail(user.email)) {
        throw ValidationError.field("userId", "This account never activated or has no email: invite the person again instead.");
      }
      await tx.user.update({ where: { id: user.id }, data: { status: "ACTIVE" } });
    }
    await recordAudit(tx, staffActor(caller, null), {
      action: disabled ? "staff.disabled" : "staff.enabled",
      partnerId: null,
      target: { type: "user", id: user.id },
    });
    return user;
  });
}
