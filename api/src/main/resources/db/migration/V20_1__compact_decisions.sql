-- Issue 20: a decision keeps what decided, not how it was phrased. record_text is the compact
-- canonical record (the question, the facts relied on by id, per award the outcome and per criterion
-- the status, actual and required values and evidence ids, the parameter values, the versions),
-- stored as the exact text the chain hashes, so verifying reads and hashes it without re-spelling it.
-- The answer's sentences are rendered on read from the stored rule-set version. result stays for the
-- decisions saved before this change (their chain records hash it; they are read as they were).
ALTER TABLE decision ADD COLUMN record_text TEXT;
ALTER TABLE decision ALTER COLUMN result DROP NOT NULL;
