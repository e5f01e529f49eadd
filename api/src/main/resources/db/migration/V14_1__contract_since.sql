-- Work under contract at the same agency before recruitment counts toward a new hire's months
-- (award-catalogue §1.4, December 2026): kept with the person, imported as people.csv's contract_since.
ALTER TABLE subject ADD COLUMN contract_since DATE;
ALTER TABLE stage_person ADD COLUMN contract_since DATE;
