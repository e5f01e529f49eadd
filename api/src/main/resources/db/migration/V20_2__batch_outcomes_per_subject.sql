-- Issue 20: a batch's outcomes as one row per subject, not one per subject and award. A batch of a
-- million people wrote 14 million rows of batch_outcome, each repeating the batch, the subject and its
-- unit; here the row holds the subject once and its outcomes as a string of one-letter codes, one
-- position per award of the batch (batch_run.award_codes, sorted; '-' where the award was not
-- evaluated for the subject), so "who is ELIGIBLE for award X" is a test on one position.
-- Batches written before this migration keep their batch_outcome rows and are read from them
-- (award_codes NULL).
ALTER TABLE batch_run ADD COLUMN award_codes VARCHAR(4000);

CREATE TABLE batch_subject (
    batch_id    BIGINT NOT NULL REFERENCES batch_run (id),
    subject_id  VARCHAR(64) NOT NULL,
    unit_code   VARCHAR(64),
    -- Position i: the outcome for award i of batch_run.award_codes (vn.laurel.api.batch.OutcomeCodes).
    outcomes    VARCHAR(400) NOT NULL,
    -- The rank a quota gave, for the awards that had one: "i:rank" separated by commas; NULL when none.
    quota_ranks VARCHAR(4000),
    decision_id BIGINT,
    PRIMARY KEY (batch_id, subject_id)
);
