-- Why a session ended (lib/auth/sessions.ts endSessions, decision 0027).
ALTER TABLE "Session" ADD COLUMN "revokedReason" TEXT;
