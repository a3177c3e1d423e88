import { apiRoute } from "@/lib/operations/api";
import { resetCustomerUserPasswordOp } from "@/lib/customers/operations";

export const POST = apiRoute(resetCustomerUserPasswordOp);
