import { apiRoute } from "@/lib/operations/api";
import { createCustomerOp, listCustomersOp } from "@/lib/customers/operations";

export const GET = apiRoute(listCustomersOp);
export const POST = apiRoute(createCustomerOp);
