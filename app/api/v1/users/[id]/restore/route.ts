import { apiRoute } from "@/lib/operations/api";
import { restoreUser } from "@/lib/team/operations";

export const POST = apiRoute(restoreUser);
