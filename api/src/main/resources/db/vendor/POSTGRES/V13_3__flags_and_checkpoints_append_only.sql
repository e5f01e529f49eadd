-- Flags and checkpoints are append-only like the decisions (V3, V5): a trigger refuses updates and
-- deletes, and the service's role holds no UPDATE, DELETE or TRUNCATE on them. V5's default
-- privileges granted all four on tables created after it, hence the REVOKE here.
CREATE TRIGGER decision_flag_append_only BEFORE UPDATE OR DELETE ON decision_flag
    FOR EACH ROW EXECUTE FUNCTION laurel_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION laurel_refuse_change();
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'laurel_service') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON decision_flag, audit_checkpoint FROM laurel_service;
    END IF;
END
$$;
