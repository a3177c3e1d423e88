import { apiRoute } from "@/lib/operations/api";
import { inviteUser, listMembers } from "@/lib/team/operations";

export const GET = apiRoute(listMembers);
export const POST = apiRoute(inviteUser);
