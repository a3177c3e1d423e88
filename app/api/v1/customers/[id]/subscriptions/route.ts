import { apiRoute } from "@/lib/operations/api";
import { listSubscriptionsOp } from "@/lib/customers/operations";

export const GET = apiRoute(listSubscriptionsOp);
