import { apiRoute } from "@/lib/operations/api";
import { addCustomerUserOp, listCustomerUsersOp } from "@/lib/customers/operations";

export const GET = apiRoute(listCustomerUsersOp);
export const POST = apiRoute(addCustomerUserOp);
