import { apiRoute } from "@/lib/operations/api";
import { listDeletedCustomerUsersOp } from "@/lib/customers/operations";

export const GET = apiRoute(listDeletedCustomerUsersOp);
