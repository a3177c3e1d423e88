import { apiRoute } from "@/lib/operations/api";
import { deleteCustomerUserOp } from "@/lib/customers/operations";

export const DELETE = apiRoute(deleteCustomerUserOp);
