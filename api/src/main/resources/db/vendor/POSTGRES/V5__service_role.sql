-- The service's own database role, laurel_service: it may read and write what the service writes,
-- but holds no UPDATE, DELETE or TRUNCATE on the decisions and the rule-set history, so the audit
-- trail stays append-only even if the trigger of V3 were dropped. The service logs in as a member
-- of this role (e.g. CREATE ROLE laurel LOGIN PASSWORD '…' IN ROLE laurel_service); the schema
-- owner runs the migrations (LAUREL_DB_MIGRATE_USER). Only a superuser can still change decisions,
-- and GET /api/v1/audit/verify names the first record so changed. See docs/security.md.
DO $$
DECLARE
    s text := current_schema();
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'laurel_service') THEN
        IF (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
            CREATE ROLE laurel_service NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
        ELSE
            RAISE NOTICE 'laurel_service not created: % may not create roles; ask the DBA to create it and migrate again', current_user;
            RETURN;
        END IF;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO laurel_service', s);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO laurel_service', s);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO laurel_service', s);
    REVOKE UPDATE, DELETE, TRUNCATE ON decision, decision_outcome, decision_chain, decision_fact,
        ruleset_version, ruleset_activation FROM laurel_service;
    -- The migration history is the owner's; the service only reads it (Flyway validates at start).
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I.flyway_schema_history FROM laurel_service', s);
    -- Tables of later migrations: readable and writable by default; a later append-only table must REVOKE as above.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO laurel_service', s);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO laurel_service', s);
END
$$;
