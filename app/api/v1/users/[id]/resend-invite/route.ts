import { apiRoute } from "@/lib/operations/api";
import { resendInviteOp } from "@/lib/team/operations";

export const POST = apiRoute(resendInviteOp);
