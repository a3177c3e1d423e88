import { apiRoute } from "@/lib/operations/api";
import { listDeleted } from "@/lib/team/operations";

export const GET = apiRoute(listDeleted);
