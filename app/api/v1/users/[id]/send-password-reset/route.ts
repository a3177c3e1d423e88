import { apiRoute } from "@/lib/operations/api";
import { sendPasswordReset } from "@/lib/team/operations";

export const POST = apiRoute(sendPasswordReset);
