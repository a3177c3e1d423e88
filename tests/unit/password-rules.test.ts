// The password rules are defined once (lib/auth/password-rules.ts): the hint
// every "new password" field shows states the length the server enforces, and
// every form that takes a password accepts and refuses the same lengths.
import { describe, expect, it } from "vitest";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, NEW_PASSWORD_HINT } from "@/lib/auth/password-rules";
import { passwordProblem } from "@/lib/auth/password";
import { ActivateInput, ChangePasswordInput, SignInInput } from "@/lib/auth/schemas";
import { OwnEmailChangeInput } from "@/lib/team/schemas";

const strong = (length: number) => "Kx7#pLm2$vQ9wZr4Tn8&".repeat(20).slice(0, length);

describe("the rules for a chosen password", () => {
  it("the hint names the shortest length the server accepts", () => {
    expect(NEW_PASSWORD_HINT).toContain(`At least ${MIN_PASSWORD_LENGTH} characters`);
    expect(passwordProblem(strong(MIN_PASSWORD_LENGTH))).toBeNull();
    expect(passwordProblem(strong(MIN_PASSWORD_LENGTH - 1))).toBe(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  });

  it("every password field takes the longest password the strength check allows, and refuses one character more", () => {
    const longest = strong(MAX_PASSWORD_LENGTH);
    const tooLong = strong(MAX_PASSWORD_LENGTH + 1);
    expect(passwordProblem(longest)).toBeNull();
    expect(passwordProblem(tooLong)).toBe(`Use at most ${MAX_PASSWORD_LENGTH} characters.`);

    const forms = [
      (password: string) => SignInInput.safeParse({ login: "ada@example.test", password }),
      (password: string) => ActivateInput.safeParse({ token: "t".repeat(43), password, confirmPassword: password }),
      (password: string) => ChangePasswordInput.safeParse({ currentPassword: password, password, confirmPassword: password }),
      (password: string) => OwnEmailChangeInput.safeParse({ newEmail: "ada@example.test", currentPassword: password }),
    ];
    for (const parse of forms) {
      expect(parse(longest).success).toBe(true);
      expect(parse(tooLong).success).toBe(false);
    }
  });
});
