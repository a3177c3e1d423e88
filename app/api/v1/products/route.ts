import { apiRoute } from "@/lib/operations/api";
import { listProducts } from "@/lib/orders/operations";

export const GET = apiRoute(listProducts);
