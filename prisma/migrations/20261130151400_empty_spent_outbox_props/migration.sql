-- Sent and given-up outbox rows keep no link or secret (DESIGN §10, decision 0014):
-- the worker now empties their props; this does it for the rows written before.
UPDATE "OutboxEmail" SET "props" = '{}'::jsonb WHERE "status" <> 'PENDING' AND "props" <> '{}'::jsonb;
