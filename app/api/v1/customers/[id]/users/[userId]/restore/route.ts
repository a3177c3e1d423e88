import { apiRoute } from "@/lib/operations/api";
import { restoreCustomerUserOp } from "@/lib/customers/operations";

export const POST = apiRoute(restoreCustomerUserOp);
