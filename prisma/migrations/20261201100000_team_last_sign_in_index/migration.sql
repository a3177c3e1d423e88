-- The team list sorted by last sign-in: newest first through a backward scan,
-- never-signed-in members by id (lib/team/queries.ts, bench/team-list.ts, decision 0020).

-- CreateIndex
CREATE INDEX "User_partnerId_kind_lastSignInAt_id_idx" ON "User"("partnerId", "kind", "lastSignInAt", "id");
