import { apiRoute } from "@/lib/operations/api";
import { bulkLicenses } from "@/lib/licenses/operations";

export const POST = apiRoute(bulkLicenses);
