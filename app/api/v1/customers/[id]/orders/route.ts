import { apiRoute } from "@/lib/operations/api";
import { createOrderOp } from "@/lib/orders/operations";

export const POST = apiRoute(createOrderOp);
