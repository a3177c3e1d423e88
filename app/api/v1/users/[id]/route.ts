import { apiRoute } from "@/lib/operations/api";
import { deleteUser, getMember, patchUser } from "@/lib/team/operations";

export const GET = apiRoute(getMember);
export const PATCH = apiRoute(patchUser);
export const DELETE = apiRoute(deleteUser);
