import { apiRoute } from "@/lib/operations/api";
import { resendCustomerUserWelcomeOp } from "@/lib/customers/operations";

export const POST = apiRoute(resendCustomerUserWelcomeOp);
