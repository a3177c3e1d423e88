import "server-only";
import { ValidationError } from "../errors.ts";
import { consumeRateLimit, RATE_LIMITS } from "../security/rate-limit.ts";
import type { TokenPurpose } from "../db/generated/enums.ts";
import { hashPassword, passwordProblem } from "./password.ts";
import type { RequestMeta } from "./request-meta.ts";
import { findUsableToken } from "./user-tokens.ts";

/**
 * Before a link's token sets a password (activation, password reset): the per-IP limit of the link pages, a link still
 * usable for an account in `status`, and a password the rules accept for that account. Refusals stand by the password
 * field (`noLongerValid` for the link). Answers the link and the password's hash; the caller uses the token up in its
 * transaction (consumeUserToken), which checks it again.
 */
export async function checkPasswordLink(
  link: { token: string; purpose: TokenPurpose; status: "INVITED" | "ACTIVE"; noLongerValid: string },
  password: string,
  meta: RequestMeta,
) {
  await consumeRateLimit(RATE_LIMITS.tokenPagePerIp, meta.ip);
  const found = await findUsableToken(link.token, link.purpose);
  if (!found || found.user.status !== link.status) throw ValidationError.field("password", link.noLongerValid);
  const problem = passwordProblem(password, found.user);
  if (problem) throw ValidationError.field("password", problem);
  return { link: found, passwordHash: await hashPassword(password) };
}
