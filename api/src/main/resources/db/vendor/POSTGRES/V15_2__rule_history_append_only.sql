-- Revisions and the rule-set change log are append-only like the decisions (V3, V13_3).
CREATE TRIGGER ruleset_revision_append_only BEFORE UPDATE OR DELETE ON ruleset_revision
    FOR EACH ROW EXECUTE FUNCTION laurel_refuse_change();
CREATE TRIGGER ruleset_change_append_only BEFORE UPDATE OR DELETE ON ruleset_change
    FOR EACH ROW EXECUTE FUNCTION laurel_refuse_change();
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'laurel_service') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON ruleset_revision, ruleset_change FROM laurel_service;
    END IF;
END
$$;
