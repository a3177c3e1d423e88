import { z } from "zod";
import { PartnerRoleInput, ReasonField } from "../partners/schemas.ts";

// Support tools of the vendor console (DESIGN §7).

const userId = z.uuid({ error: "Unknown account." });

export const UserIdInput = z.object({ userId });

export const DetachEmailInput = z.object({ userId, reason: ReasonField });

export const MoveInvitedUserInput = z.object({
  userId,
  targetPartnerId: z.uuid({ error: "Choose the partner the invitation should have gone to." }),
  role: PartnerRoleInput,
  reason: ReasonField,
});
export type MoveInvitedUserInput = z.output<typeof MoveInvitedUserInput>;

