-- Decisions are append-only: the service can insert them but never change or remove them. A
-- superuser can still disable this trigger; GET /api/v1/audit/verify then finds what was changed.
CREATE FUNCTION laurel_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
END;
$$;

CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision
    FOR EACH ROW EXECUTE FUNCTION laurel_refuse_change();
CREATE TRIGGER decision_outcome_append_only BEFORE UPDATE OR DELETE ON decision_outcome
    FOR EACH ROW EXECUTE FUNCTION laurel_refuse_change();
CREATE TRIGGER decision_chain_append_only BEFORE UPDATE OR DELETE ON decision_chain
    FOR EACH ROW EXECUTE FUNCTION laurel_refuse_change();
CREATE TRIGGER decision_fact_append_only BEFORE UPDATE OR DELETE ON decision_fact
    FOR EACH ROW EXECUTE FUNCTION laurel_refuse_change();
