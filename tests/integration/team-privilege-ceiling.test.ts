// The privilege ceiling (DESIGN §10, decision 0011): an actor may act on a
// team member only if every permission that member holds is one the actor
// holds too; only the primary user acts on the primary user; nobody changes
// their own role or permissions.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { confirmEmailChange, describeEmailChangeLink, requestEmailChange, requestOwnEmailChange } from "@/lib/auth/email-change";
import { resendInvite } from "@/lib/team/invite";
import {
  deleteTeamMember,
  disableTeamMember,
  enableTeamMember,
  restoreTeamMember,
  sendResetLinkToMember,
  transferPrimaryUser,
  updateTeamMember,
} from "@/lib/team/manage";
import { RestoreUserInput } from "@/lib/team/schemas";
import { mayActOn } from "@/lib/team/ceiling";
import type { PartnerCaller } from "@/lib/auth/caller";
import { callerFor, createPartner, editInputFor, createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { latestLinkToken } from "../support/outbox";
import { TEST_META } from "../support/request";

type Member = Awaited<ReturnType<typeof createPartnerUser>>;


async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForbiddenError);
  return (error as Error).message;
}

const reload = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
const actedBy = (actor: PartnerCaller) => db.auditEvent.count({ where: { actorId: actor.userId } });

/** A partner with its primary admin, a second Partner Admin (Nadia), and a Read-only member who may manage the team. */
async function team() {
  const { partner, admin: primary, caller: primaryCaller } = await createPartner();
  const nadia = await createPartnerUser(partner.id, { firstName: "Nadia", lastName: "Admin" });
  const helperUser = await createPartnerUser(partner.id, { firstName: "Rey", lastName: "Reader", role: "read_only", permissions: ["users.manage"] });
  return { partner, primary, primaryCaller, nadia, nadiaCaller: callerFor(nadia), helper: callerFor(helperUser), helperUser };
}

describe("the email-change takeover", () => {
  it("refuses Read-only + Manage team starting an email change for a Partner Admin or the primary user: no token, no email, nothing changed", async () => {
    const { primary, nadia, helper } = await team();
    const attackerAddress = uniqueEmail("attacker");

    expect(await refusal(requestEmailChange(helper, nadia.id, attackerAddress))).toBe(
      "Nadia Admin holds permissions you don't have (Manage customers, Manage licenses, Place orders, View audit log, Manage settings), " +
        "so you can't change their account. Ask someone who holds them.",
    );
    expect(await refusal(requestEmailChange(helper, primary.id, attackerAddress))).toBe("Only the primary user can change the primary user's account.");

    for (const victim of [nadia, primary]) {
      expect((await reload(victim.id)).email).toBe(victim.email);
      expect(await db.userToken.count({ where: { userId: victim.id, purpose: "EMAIL_CHANGE" } })).toBe(0);
      expect(await db.outboxEmail.count({ where: { to: victim.email } })).toBe(0);
    }
    expect(await db.outboxEmail.count({ where: { to: attackerAddress } })).toBe(0);
    expect(await actedBy(helper)).toBe(0);
  });

  it("voids a change asked for earlier once the member gains permissions the asker lacks", async () => {
    const { partner, primaryCaller, helper } = await team();
    const target = await createPartnerUser(partner.id, { role: "read_only" });
    const attackerAddress = uniqueEmail("attacker");
    await requestEmailChange(helper, target.id, attackerAddress); // allowed: they hold the same
    const token = await latestLinkToken(attackerAddress, "email-change-confirm");
    // The link worked until the promotion: what voids it is the promotion, not a bad token.
    expect(await describeEmailChangeLink(token)).toMatchObject({ newEmail: attackerAddress });

    await updateTeamMember(primaryCaller, editInputFor(target, { role: "partner_admin" }));

    await expect(confirmEmailChange(token, TEST_META)).rejects.toThrow(/expired or has already been used/);
    expect((await reload(target.id)).email).toBe(target.email);
  });
});

describe("every action on another member", () => {
  // Sales holds "Place orders", which the Read-only helper doesn't.
  type Case = {
    action: string;
    prepare?: NonNullable<Parameters<typeof createPartnerUser>[1]>;
    run: (actor: PartnerCaller, target: Member) => Promise<unknown>;
    /** What the allowed attempts do, when it differs from `run`. */
    allowed?: (actor: PartnerCaller, target: Member) => Promise<unknown>;
    unchanged: (target: Member) => Promise<void>;
  };
  const cases: Case[] = [
    {
      action: "edit",
      run: (actor, target) => updateTeamMember(actor, editInputFor(target, { firstName: "Changed" })),
      unchanged: async (target) => expect((await reload(target.id)).firstName).toBe(target.firstName),
    },
    {
      action: "permissions",
      run: (actor, target) => updateTeamMember(actor, editInputFor(target, { role: "read_only" })),
      allowed: (actor, target) => updateTeamMember(actor, editInputFor(target, { role: "", permissions: ["users.view", "customers.view"] })),
      unchanged: async (target) => expect((await reload(target.id)).role).toBe("sales"),
    },
    {
      action: "change email",
      run: (actor, target) => requestEmailChange(actor, target.id, uniqueEmail("elsewhere")),
      unchanged: async (target) => expect(await db.userToken.count({ where: { userId: target.id, purpose: "EMAIL_CHANGE" } })).toBe(0),
    },
    {
      action: "send reset link",
      run: (actor, target) => sendResetLinkToMember(actor, target.id),
      unchanged: async (target) => expect(await db.outboxEmail.count({ where: { to: target.email } })).toBe(0),
    },
    {
      action: "disable",
      run: (actor, target) => disableTeamMember(actor, target.id),
      unchanged: async (target) => expect((await reload(target.id)).status).toBe("ACTIVE"),
    },
    {
      action: "enable",
      prepare: { status: "DISABLED" },
      run: (actor, target) => enableTeamMember(actor, target.id),
      unchanged: async (target) => expect((await reload(target.id)).status).toBe("DISABLED"),
    },
    {
      action: "delete",
      run: (actor, target) => deleteTeamMember(actor, target.id),
      unchanged: async (target) => expect((await reload(target.id)).deletedAt).toBeNull(),
    },
    {
      action: "restore",
      run: async (actor, target) => {
        await db.user.update({ where: { id: target.id }, data: { deletedAt: new Date() } }); // deleted by someone else (setup)
        return restoreTeamMember(actor, RestoreUserInput.parse({ userId: target.id }));
      },
      unchanged: async (target) => expect((await reload(target.id)).deletedAt).not.toBeNull(),
    },
    {
      action: "resend invite",
      prepare: { status: "INVITED" },
      run: (actor, target) => resendInvite(actor, target.id),
      unchanged: async (target) => expect(await db.outboxEmail.count({ where: { to: target.email } })).toBe(0),
    },
  ];

  for (const c of cases) {
    it(`${c.action}: refused against a member who holds more, with the reason; allowed against one who holds less or the same`, async () => {
      const { partner, helper } = await team();
      const above = await createPartnerUser(partner.id, { firstName: "Sal", lastName: "Seller", role: "sales", ...c.prepare });
      expect(await refusal(c.run(helper, above))).toBe(
        "Sal Seller holds permissions you don't have (Place orders), so you can't change their account. Ask someone who holds them.",
      );
      await c.unchanged(above);
      expect(await actedBy(helper)).toBe(0);

      const below = await createPartnerUser(partner.id, { role: "read_only", ...c.prepare });
      const same = await createPartnerUser(partner.id, { role: "read_only", permissions: ["users.manage"], ...c.prepare });
      const allowed = c.allowed ?? c.run;
      await allowed(helper, below);
      await allowed(helper, same);
    });
  }

  it("transfer primary: refused against a Partner Admin holding more, even for the primary user", async () => {
    const { partner, primary, nadia } = await team();
    // The primary user, left with every permission but Manage settings (setup).
    const reduced = await db.user.update({
      where: { id: primary.id },
      data: { role: null, permissions: ["users.view", "users.manage", "customers.view", "customers.manage", "licenses.manage", "orders.create", "audit.view"] },
    });
    expect(await refusal(transferPrimaryUser(callerFor(reduced), { userId: nadia.id }))).toBe(
      "Nadia Admin holds permissions you don't have (Manage settings), so you can't change their account. Ask someone who holds them.",
    );
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).primaryUserId).toBe(primary.id);
  });
});

describe("the primary user", () => {
  it("can't be acted on by another Partner Admin, who can't take the primary role either; the primary user can act on themself and hand it over", async () => {
    const { partner, primary, primaryCaller, nadia, nadiaCaller } = await team();
    const onlyPrimary = "Only the primary user can change the primary user's account.";
    expect(await refusal(updateTeamMember(nadiaCaller, editInputFor(primary, { firstName: "Hijacked" })))).toBe(onlyPrimary);
    expect(await refusal(requestEmailChange(nadiaCaller, primary.id, uniqueEmail("hijack")))).toBe(onlyPrimary);
    expect(await refusal(sendResetLinkToMember(nadiaCaller, primary.id))).toBe(onlyPrimary);
    expect(await refusal(disableTeamMember(nadiaCaller, primary.id))).toBe(onlyPrimary);
    expect(await refusal(deleteTeamMember(nadiaCaller, primary.id))).toBe(onlyPrimary);
    expect(await refusal(transferPrimaryUser(nadiaCaller, { userId: nadia.id }))).toBe("Only the primary user can hand the primary role to someone else.");
    expect(await reload(primary.id)).toMatchObject({ firstName: primary.firstName, email: primary.email, status: "ACTIVE" });
    expect(await db.outboxEmail.count({ where: { to: primary.email } })).toBe(0);
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).primaryUserId).toBe(primary.id);
    expect(mayActOn(nadiaCaller, primary, true)).toBe(false);

    await updateTeamMember(primaryCaller, editInputFor(primary, { firstName: "Renamed" }));
    await requestOwnEmailChange(primaryCaller, { newEmail: uniqueEmail("mine"), currentPassword: TEST_PASSWORD });
    await sendResetLinkToMember(primaryCaller, primary.id);
    expect(mayActOn(primaryCaller, primary, true)).toBe(true);
    await transferPrimaryUser(primaryCaller, { userId: nadia.id });
    expect((await db.partner.findUniqueOrThrow({ where: { id: partner.id } })).primaryUserId).toBe(nadia.id);
  });
});

describe("your own account", () => {
  it("lets you change your name but never your role or permissions, not even to the same permissions by another route", async () => {
    const { helper, helperUser } = await team();
    await updateTeamMember(helper, editInputFor(helperUser, { firstName: "Renamed", phone: "+1 415 555 0100" }));
    expect(await reload(helperUser.id)).toMatchObject({ firstName: "Renamed", phone: "+14155550100" });

    // No role, the same three permissions ticked: what they can do wouldn't change, but it is still their own role.
    const error = await updateTeamMember(
      helper,
      editInputFor(helperUser, { role: "", permissions: ["users.view", "customers.view", "users.manage"] }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.role).toEqual(["You can't change your own role or permissions. Ask another admin."]);
    expect(await reload(helperUser.id)).toMatchObject({ role: "read_only", permissions: ["users.manage"] });
  });
});

describe("your own sign-in email", () => {
  it("changes only with your current password: a stolen session can't move the address that resets the password", async () => {
    const { helper, helperUser } = await team();
    const attackerAddress = uniqueEmail("stolen-session");
    const tokensBefore = await db.userToken.count({ where: { userId: helperUser.id } });

    // Without the password, by either route: refused, nothing issued or sent.
    expect(await refusal(requestEmailChange(helper, helperUser.id, attackerAddress))).toMatch(/current password/);
    const wrong = await requestOwnEmailChange(helper, { newEmail: attackerAddress, currentPassword: "not-my-password-123" }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    expect((wrong as ValidationError).fieldErrors.currentPassword).toEqual(["That isn't your current password."]);
    expect(await db.userToken.count({ where: { userId: helperUser.id } })).toBe(tokensBefore);
    expect(await db.outboxEmail.count({ where: { to: attackerAddress } })).toBe(0);
    // The wrong guess counts towards the lockout like a failed sign-in.
    expect((await reload(helperUser.id)).failedSignIns).toBe(1);

    await requestOwnEmailChange(helper, { newEmail: attackerAddress, currentPassword: TEST_PASSWORD });
    expect(await db.outboxEmail.count({ where: { to: attackerAddress, template: "email-change-confirm" } })).toBe(1);
  });
});
