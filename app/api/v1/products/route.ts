import { apiRoute } from "@/lib/operations/api";
import { listProducts } from "@/lib/api-keys/operations";

export const GET = apiRoute(listProducts);
