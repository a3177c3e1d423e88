// WHO MAY CALL EACH OPERATION — written by hand, from DESIGN §3 and the
// permission catalog (lib/auth/permissions.ts), never from an operation's own
// `access` (a table derived from the code could not catch the code's mistake).
// authorization-matrix.test.ts walks every operation in lib/operations/registry.ts
// × every caller below and checks this table.
//
// HOW TO ADD A ROW (one per operation; a registered operation without a row,
// or a row without an operation, fails the test):
//
//   "customers.create": { audience: "partner", allowed: ["partner_admin", "account_executive", "apiKeyAll"] },
//
// - `audience`: whose part of the portal the operation belongs to. A refused
//   caller of that audience gets ForbiddenError (403); any other signed-in
//   caller gets NotFoundError (404: that part doesn't exist for them); signed
//   out gets UnauthenticatedError (401).
//     "partner"      partner users and the partner's API keys
//     "partnerUsers" partner users only (your own account: never an API key)
//     "staff"        vendor staff (console)
//     "signedIn"     anyone signed in (partner, staff or customer user; never a key)
//     "public"       everyone, signed out included
// - `allowed`: the callers who may. Callers: partner roles "partner_admin"
//   (the partner's primary user), "account_executive", "sales", "read_only";
//   staff roles "portal_owner", "portal_admin", "support"; "customer" (a
//   customer user); "signedOut"; "apiKeyAll" / "apiKeyNone" (a key holding
//   every partner permission / none).
// - Then add input for the operation in authorization-matrix.fixtures.ts (else
//   the matrix only checks that authorization passed; ops taking an id must
//   have one, for the other-tenant check).
import type { CallerKind } from "../support/operation-callers";

export type Audience = "partner" | "partnerUsers" | "staff" | "signedIn" | "public";
export type Expectation = { audience: Audience; allowed: readonly CallerKind[] };

// Shorthands for the common rows (spell a row out when none fits).
/** users.manage / settings.manage …: only the Partner Admin holds these (and a key granted them). */
const ADMIN_AND_KEY: Expectation = { audience: "partner", allowed: ["partner_admin", "apiKeyAll"] };
/** users.view: Partner Admin and Read-only. */
const TEAM_VIEWERS: Expectation = { audience: "partner", allowed: ["partner_admin", "read_only", "apiKeyAll"] };
/** Any member of the partner and any of its keys. */
const ANY_PARTNER_MEMBER: Expectation = {
  audience: "partner",
  allowed: ["partner_admin", "account_executive", "sales", "read_only", "apiKeyAll", "apiKeyNone"],
};
/** A partner user acting on their own account. */
/** customers.view: every partner role. */
const CUSTOMER_VIEWERS: Expectation = { audience: "partner", allowed: ["partner_admin", "account_executive", "sales", "read_only", "apiKeyAll"] };
/** customers.manage and licenses.manage: Partner Admin and Account Executive. */
const CUSTOMER_MANAGERS: Expectation = { audience: "partner", allowed: ["partner_admin", "account_executive", "apiKeyAll"] };
/** orders.create: Partner Admin, Account Executive, Sales. */
const ORDER_PLACERS: Expectation = { audience: "partner", allowed: ["partner_admin", "account_executive", "sales", "apiKeyAll"] };
/** partners.manage: Portal Owner and Portal Admin. */
const PARTNER_MANAGERS: Expectation = { audience: "staff", allowed: ["portal_owner", "portal_admin"] };
/** accounts.resolve: every staff role (support resolves duplicates and resends invites, DESIGN §1, §7). */
const ALL_STAFF: Expectation = { audience: "staff", allowed: ["portal_owner", "portal_admin", "support"] };
/** Anyone, signed in or not, key or not: the sign-in and token pages. */
const EVERYONE: Expectation = {
  audience: "public",
  allowed: ["partner_admin", "account_executive", "sales", "read_only", "portal_owner", "portal_admin", "support", "customer", "signedOut", "apiKeyAll", "apiKeyNone"],
};
const OWN_PARTNER_ACCOUNT: Expectation = { audience: "partnerUsers", allowed: ["partner_admin", "account_executive", "sales", "read_only"] };

export const AUTHORIZATION_EXPECTATIONS: Record<string, Expectation> = {
  // Team (users.view / users.manage)
  "team.list": TEAM_VIEWERS,
  "team.get": TEAM_VIEWERS,
  "team.listDeleted": ADMIN_AND_KEY,
  "team.invite": ADMIN_AND_KEY,
  "team.update": ADMIN_AND_KEY,
  "team.patch": ADMIN_AND_KEY,
  "team.resendInvite": ADMIN_AND_KEY,
  "team.sendPasswordReset": ADMIN_AND_KEY,
  "team.disable": ADMIN_AND_KEY,
  "team.enable": ADMIN_AND_KEY,
  "team.delete": ADMIN_AND_KEY,
  "team.restore": ADMIN_AND_KEY,
  // Only the primary user acts on the primary role (DESIGN §10): a key is nobody, so it is refused (403).
  "team.transferPrimary": { audience: "partner", allowed: ["partner_admin"] },
  "team.requestEmailChange": ADMIN_AND_KEY,
  "team.setInviteReminders": ADMIN_AND_KEY,

  // Own account
  "account.updateNotifications": OWN_PARTNER_ACCOUNT,
  "account.requestEmailChange": OWN_PARTNER_ACCOUNT,

  // Settings (settings.manage: "partner profile and API keys")
  "apiKeys.create": ADMIN_AND_KEY,
  "apiKeys.revoke": ADMIN_AND_KEY,
  "settings.updateProfile": ADMIN_AND_KEY,

  // Customers and their users (customers.view / customers.manage)
  "customers.list": CUSTOMER_VIEWERS,
  "customers.get": CUSTOMER_VIEWERS,
  "customers.listSubscriptions": CUSTOMER_VIEWERS,
  "customers.create": CUSTOMER_MANAGERS,
  "customers.update": CUSTOMER_MANAGERS,
  "customers.patch": CUSTOMER_MANAGERS,
  "customerUsers.list": CUSTOMER_VIEWERS,
  "customerUsers.listDeleted": CUSTOMER_VIEWERS,
  "customerUsers.selectMatching": CUSTOMER_VIEWERS,
  "customerUsers.add": CUSTOMER_MANAGERS,
  "customerUsers.resetPassword": CUSTOMER_MANAGERS,
  "customerUsers.delete": CUSTOMER_MANAGERS,
  "customerUsers.deleteMany": CUSTOMER_MANAGERS,
  "customerUsers.restore": CUSTOMER_MANAGERS,
  "customerUsers.restoreMany": CUSTOMER_MANAGERS,
  "customerUsers.emailCredentials": CUSTOMER_MANAGERS,
  "customerUsers.import": CUSTOMER_MANAGERS,
  "customerUsers.update": CUSTOMER_MANAGERS,
  "customerUsers.requestEmailChange": CUSTOMER_MANAGERS,
  "customerUsers.resendWelcome": CUSTOMER_MANAGERS,

  // Licenses (licenses.manage) and orders (orders.create)
  "licenses.manage": CUSTOMER_MANAGERS,
  "licenses.preview": CUSTOMER_MANAGERS,
  "licenses.set": CUSTOMER_MANAGERS,
  "licenses.bulk": CUSTOMER_MANAGERS,
  "orders.review": ORDER_PLACERS,
  "orders.place": ORDER_PLACERS,
  "orders.create": ORDER_PLACERS,

  // Vendor console
  "partners.create": PARTNER_MANAGERS,
  "partners.update": PARTNER_MANAGERS,
  "partners.suspend": PARTNER_MANAGERS,
  "partners.reactivate": PARTNER_MANAGERS,
  "partners.transferPrimary": PARTNER_MANAGERS,
  "partners.importCheck": PARTNER_MANAGERS,
  "partners.import": PARTNER_MANAGERS,
  // Support adds partner users too, below the Partner Admin level (DESIGN §10; the ceiling is the domain's check).
  "partners.addUser": ALL_STAFF,
  "support.detachEmail": ALL_STAFF,
  "support.moveInvitedUser": ALL_STAFF,
  "support.resendInvite": ALL_STAFF,
  "support.sendResetLink": ALL_STAFF,
  "staff.invite": { audience: "staff", allowed: ["portal_owner"] },
  "staff.disable": { audience: "staff", allowed: ["portal_owner"] },
  "staff.enable": { audience: "staff", allowed: ["portal_owner"] },

  // Signing in and tokens: public; changing your password: any signed-in account, never a key
  "auth.signIn": EVERYONE,
  "auth.signOut": EVERYONE,
  "auth.activate": EVERYONE,
  "auth.requestActivationLink": EVERYONE,
  "auth.forgotPassword": EVERYONE,
  "auth.resetPassword": EVERYONE,
  "auth.confirmEmailChange": EVERYONE,
  "auth.changePassword": { audience: "signedIn", allowed: ["partner_admin", "account_executive", "sales", "read_only", "portal_owner", "portal_admin", "support", "customer"] },

  // Reads any member (or key) may make
  "me.get": ANY_PARTNER_MEMBER,
  "products.list": ANY_PARTNER_MEMBER,
};
