import { apiRoute } from "@/lib/operations/api";
import { getCustomerOp, patchCustomerOp } from "@/lib/customers/operations";

export const GET = apiRoute(getCustomerOp);
export const PATCH = apiRoute(patchCustomerOp);
