import { apiRoute } from "@/lib/operations/api";
import { getMe } from "@/lib/api-keys/operations";

export const GET = apiRoute(getMe);
