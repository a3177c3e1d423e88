import "server-only";
import { z } from "zod";
import { AuthError } from "@auth/core/errors";
import { operation, type AnyInput, type Operation } from "../operations/define.ts";
import { AppError } from "../errors.ts";
import type { Caller } from "./caller.ts";
import { activateAccount, requestNewActivationLink } from "./activation.ts";
import { changeOwnPassword } from "./change-password.ts";
import { confirmEmailChange } from "./email-change.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { getRequestMeta, type RequestMeta } from "./request-meta.ts";
import { ActivateInput, ChangePasswordInput, ForgotPasswordInput, INVALID_CREDENTIALS, ResetPasswordInput, SignInInput, TokenInput } from "./schemas.ts";

// Signing in and out, activation, password reset, email-change confirmation
// (public) and changing your own password (any signed-in account), as
// operations (decision 0018). None has an API binding: they open or close a
// browser session. next-auth is loaded on use: it needs a Next.js runtime,
// and the registry (hence every test of it) imports this module.

const nextAuth = () => import("./next-auth.ts");

/** Where the request comes from: the signed-in caller's (same headers), else this request's. */
async function metaOf(caller: Caller | null): Promise<RequestMeta> {
  return caller ? { ip: caller.ip, userAgent: caller.userAgent } : getRequestMeta();
}

type PublicDeclaration<S extends AnyInput, R> = Omit<Operation<S, { public: true }, R>, "access" | "run"> & {
  run: (input: z.output<S>, meta: RequestMeta) => Promise<R>;
};

/**
 * An operation anyone may call, signed in or not: it acts for the request, not
 * for an account, so `run` gets the input and where the request comes from
 * (for the audit event and the per-IP rate limits).
 */
function publicOperation<S extends AnyInput, R>({ run, ...declaration }: PublicDeclaration<S, R>) {
  return operation({ ...declaration, access: { public: true }, run: async (caller, input) => run(input, await metaOf(caller)) });
}

/** A refused sign-in, with the message the form shows (never which part was wrong). */
class SignInRefused extends AppError {
  readonly code: "UNAUTHENTICATED" | "FORBIDDEN" | "RATE_LIMITED";
  constructor(
    message: string,
    readonly status: 401 | 403 | 429,
  ) {
    super(message);
    this.code = status === 401 ? "UNAUTHENTICATED" : status === 403 ? "FORBIDDEN" : "RATE_LIMITED";
  }
}

/**
 * Opens a session through next-auth (its cookie; lib/auth/sign-in.ts checks
 * the password and records the attempt) and turns its refusals into
 * SignInRefused: too many attempts and explained refusals (a suspended
 * partner, …) say so, anything else is the one generic message.
 */
async function signInOrRefuse(login: string, password: string) {
  const { signIn, RateLimitedSignIn } = await nextAuth();
  try {
    await signIn("credentials", { login, password, redirect: false });
  } catch (error) {
    if (error instanceof RateLimitedSignIn) throw new SignInRefused(error.userMessage, 429);
    // A refusal the person may be told about (they proved the password: partner suspended, account
    // disabled…) carries its own `userMessage` (lib/auth/sign-in.ts); every other one is the generic message.
    if (error instanceof AuthError) {
      const explained = (error as { userMessage?: unknown }).userMessage;
      if (typeof explained === "string") throw new SignInRefused(explained, 403);
      throw new SignInRefused(INVALID_CREDENTIALS, 401);
    }
    throw error;
  }
}

/** After activation or a reset the new password is known good: the session opens as any sign-in would. */
async function openSession(login: string, password: string) {
  const { signIn } = await nextAuth();
  await signIn("credentials", { login, password, redirect: false });
}

export const signInOp = publicOperation({
  name: "auth.signIn",
  summary: "Sign in with an email or username and password (opens a browser session).",
  input: SignInInput,
  audit: "auth.signed_in",
  run: ({ login, password }) => signInOrRefuse(login, password),
});

export const signOutOp = operation({
  name: "auth.signOut",
  summary: "Sign out: the browser session ends and its server-side session is revoked.",
  input: z.object({}),
  // Public: signing out of a session that already ended must still clear the cookie.
  access: { public: true },
  audit: null,
  run: async () => {
    const { signOut } = await nextAuth();
    // signOut's event revokes the server-side session (lib/auth/next-auth.ts); it answers with a redirect.
    await signOut({ redirectTo: "/login?signedOut=1" });
  },
});

export const activateOp = publicOperation({
  name: "auth.activate",
  summary: "Activate an invited account with the link's token and a new password, then sign in.",
  input: ActivateInput,
  audit: "user.activated",
  run: async ({ token, password }, meta) => {
    const activated = await activateAccount(token, password, meta);
    await openSession(activated.email, password);
    return activated;
  },
});

export const requestActivationLinkOp = publicOperation({
  name: "auth.requestActivationLink",
  summary: "Ask for a new activation link for an expired invitation (says nothing about whether it exists).",
  input: TokenInput,
  audit: "user.activation_link_requested",
  run: ({ token }, meta) => requestNewActivationLink(token, meta),
});

export const forgotPasswordOp = publicOperation({
  name: "auth.forgotPassword",
  summary: "Ask for a password reset link (the answer is the same whether the account exists or not).",
  input: ForgotPasswordInput,
  audit: "user.password_reset_requested",
  run: ({ login }, meta) => requestPasswordReset(login, meta),
});

export const resetPasswordOp = publicOperation({
  name: "auth.resetPassword",
  summary: "Set a new password with a reset link's token, then sign in.",
  input: ResetPasswordInput,
  audit: "user.password_reset",
  run: async ({ token, password }, meta) => {
    const reset = await resetPassword(token, password, meta);
    await openSession(reset.email, password);
    return reset;
  },
});

export const changeOwnPasswordOp = operation({
  name: "auth.changePassword",
  summary: "Change your own password (the current one first); other sessions end.",
  input: ChangePasswordInput,
  // Any signed-in account (partner user, customer user, staff): the account is the caller's, never the form's.
  access: { own: "any" },
  audit: "auth.password_changed",
  run: (caller, { currentPassword, password }) => changeOwnPassword(caller, { currentPassword, password }),
});

export const confirmEmailChangeOp = publicOperation({
  name: "auth.confirmEmailChange",
  summary: "Confirm a new sign-in email with the link's token.",
  input: TokenInput,
  audit: "user.email_changed",
  run: ({ token }, meta) => confirmEmailChange(token, meta),
});

export const AUTH_OPERATIONS = [
  signInOp,
  signOutOp,
  activateOp,
  requestActivationLinkOp,
  forgotPasswordOp,
  resetPasswordOp,
  changeOwnPasswordOp,
  confirmEmailChangeOp,
];
