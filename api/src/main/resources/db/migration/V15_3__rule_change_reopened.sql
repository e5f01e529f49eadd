-- A draft approved for publication whose check no longer passes when it is published goes back to
-- OPEN; that step is logged as REOPENED, so the rule-set change log shows every change of status.
ALTER TABLE ruleset_change DROP CONSTRAINT ruleset_change_action_ck;
ALTER TABLE ruleset_change ADD CONSTRAINT ruleset_change_action_ck CHECK (action IN (
    'SEEDED', 'DRAFT_CREATED', 'FILE_SAVED', 'FILE_DELETED', 'PROPOSED', 'APPROVED', 'REJECTED',
    'REBASED', 'PUBLISHED', 'DISCARDED', 'ROLLED_BACK', 'RELOADED', 'REOPENED'));
