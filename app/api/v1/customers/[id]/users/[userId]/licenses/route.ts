import { apiRoute } from "@/lib/operations/api";
import { setLicenses } from "@/lib/licenses/operations";

export const PUT = apiRoute(setLicenses);
