import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { inviteTeamMember, resendInvite } from "@/lib/team/invite";
import { listTeamPage } from "@/lib/team/queries";
import { InviteUserInput } from "@/lib/team/schemas";
import { EMAIL_IN_OTHER_ORGANIZATION, EMAIL_IN_THIS_ORGANIZATION } from "@/lib/accounts/email-rule";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { callerFor, createPartner, createPartnerUser, uniqueEmail } from "../support/factories";
import { fieldErrorsOf } from "../support/refusals";

const invite = (overrides: Record<string, unknown> = {}) =>
  InviteUserInput.parse({ firstName: "Grace", lastName: "Hopper", email: uniqueEmail("grace"), role: "sales", ...overrides });

describe("inviting a team member", () => {
  it("creates an Invited user in the caller's partner, with an outbox email and an audit event", async () => {
    const { caller, partner } = await createPartner();
    const input = invite();
    const user = await inviteTeamMember(caller, input);

    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved).toMatchObject({ partnerId: partner.id, status: "INVITED", role: "sales", passwordHash: null });
    expect(saved.emailNormalized).toBe(input.email.toLowerCase());

    const emails = await db.outboxEmail.findMany({ where: { to: input.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0].template).toBe("activation");
    expect(String((emails[0].props as { activationUrl: string }).activationUrl)).toMatch(/\/activate\/[A-Za-z0-9_-]{43}$/);

    const token = await db.userToken.findFirstOrThrow({ where: { userId: user.id, purpose: "ACTIVATION" } });
    const hoursValid = (token.expiresAt.getTime() - token.createdAt.getTime()) / 3600_000;
    expect(hoursValid).toBeCloseTo(72, 0);

    const audit = await db.auditEvent.findFirst({ where: { action: "user.invited", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: caller.userId, partnerId: partner.id });

    // The team page lists the new member at once, as Invited.
    const { members } = await listTeamPage(caller, { q: input.email });
    expect(members.map((member) => [member.id, member.status])).toEqual([[user.id, "INVITED"]]);
  });

  it("refuses an email already used in the same organization, in any case, and writes nothing", async () => {
    const { caller } = await createPartner();
    const email = uniqueEmail("dup");
    await inviteTeamMember(caller, invite({ email }));
    const before = await db.outboxEmail.count();

    const errors = await fieldErrorsOf(inviteTeamMember(caller, invite({ email: `  ${email.toUpperCase()} ` })));
    expect(errors).toEqual({ email: [EMAIL_IN_THIS_ORGANIZATION] });
    expect(await db.user.count({ where: { emailNormalized: email } })).toBe(1);
    expect(await db.outboxEmail.count()).toBe(before);
  });

  it("refuses an email that belongs to another organization without naming it or its holder", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const email = uniqueEmail("taken");
    const holder = await inviteTeamMember(a.caller, invite({ email, firstName: "Hildegard", lastName: "Holder" }));

    const error = await inviteTeamMember(b.caller, invite({ email })).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ email: [EMAIL_IN_OTHER_ORGANIZATION] });
    // Everything the refusal carries to B's form: no trace of A, its admin or the account holding the address.
    const told = JSON.stringify({ message: (error as ValidationError).message, fieldErrors: (error as ValidationError).fieldErrors });
    for (const secret of [a.partner.name, a.partner.id, a.admin.email, holder.id, "Hildegard", "Holder"]) expect(told).not.toContain(secret);
    expect(await db.user.count({ where: { partnerId: b.partner.id, emailNormalized: email.toLowerCase() } })).toBe(0);
  });

  it("lets exactly one of many concurrent invites of the same address win", async () => {
    const partners = await Promise.all([createPartner(), createPartner(), createPartner(), createPartner()]);
    const email = uniqueEmail("race");
    const results = await Promise.allSettled(partners.map(({ caller }) => inviteTeamMember(caller, invite({ email }))));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const loser of results.filter((r) => r.status === "rejected")) {
      expect((loser as PromiseRejectedResult).reason).toBeInstanceOf(ValidationError);
    }
    expect(await db.user.count({ where: { emailNormalized: email, deletedAt: null } })).toBe(1);
  });

  it("allows the address of a deleted account to be invited again", async () => {
    const { caller, partner } = await createPartner();
    const email = uniqueEmail("reuse");
    const old = await createPartnerUser(partner.id, { email });
    await db.user.update({ where: { id: old.id }, data: { deletedAt: new Date() } });

    await expect(inviteTeamMember(caller, invite({ email }))).resolves.toMatchObject({ email });
  });

  it("refuses to grant permissions the inviter does not hold", async () => {
    const { partner } = await createPartner();
    const manager = await createPartnerUser(partner.id, { role: null, permissions: ["users.view", "users.manage"] });
    const errors = await fieldErrorsOf(inviteTeamMember(callerFor(manager), invite({ role: "", permissions: ["audit.view"] })));
    expect(errors.permissions[0]).toMatch(/can't grant permissions you don't have: View audit log/);

    const roleErrors = await fieldErrorsOf(inviteTeamMember(callerFor(manager), invite({ role: "sales" })));
    expect(roleErrors.role[0]).toMatch(/can't grant/);
  });

  it("requires a Partner Admin of the same partner as manager for an Account Executive", async () => {
    const a = await createPartner();
    const b = await createPartner();
    expect(await fieldErrorsOf(inviteTeamMember(a.caller, invite({ role: "account_executive" })))).toEqual({
      managerId: ["A Partner Account Executive needs a manager."],
    });
    const foreignManager = await fieldErrorsOf(
      inviteTeamMember(a.caller, invite({ role: "account_executive", managerId: b.admin.id })),
    );
    expect(foreignManager.managerId[0]).toMatch(/Partner Admin of your organization/);

    const user = await inviteTeamMember(a.caller, invite({ role: "account_executive", managerId: a.admin.id }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).managerId).toBe(a.admin.id);
  });
});

describe("resending an invite", () => {
  it("issues a new link and expires the earlier one", async () => {
    const { caller } = await createPartner();
    const user = await inviteTeamMember(caller, invite());
    await resendInvite(caller, user.id);

    const tokens = await db.userToken.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(tokens).toHaveLength(2);
    expect(tokens[0].expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(tokens[1].expiresAt.getTime()).toBeGreaterThan(Date.now() + 71 * 3600_000);
    expect(await db.outboxEmail.count({ where: { to: user.email, template: "invite-resent" } })).toBe(1);
  });

  it("answers not found for another partner's user", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const victim = await inviteTeamMember(a.caller, invite());
    await expect(resendInvite(b.caller, victim.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.userToken.count({ where: { userId: victim.id } })).toBe(1);
  });

  it("refuses for a user who already activated", async () => {
    const { caller, partner } = await createPartner();
    const active = await createPartnerUser(partner.id);
    await expect(resendInvite(caller, active.id)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("team list", () => {
  it("shows only the caller's partner", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const member = await inviteTeamMember(b.caller, invite());
    const ids = (await listTeamPage(a.caller, {}, 200)).members.map((m) => m.id);
    expect(ids).toContain(a.admin.id);
    expect(ids).not.toContain(member.id);
    expect(ids).not.toContain(b.admin.id);
  });
});
