import { redirect } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/staff";
import { can } from "@/lib/auth/permissions";

export default async function AdminHome() {
  const staff = await requireStaffPage();
  redirect(can(staff, "partners.view") ? "/admin/partners" : "/admin/accounts");
}
