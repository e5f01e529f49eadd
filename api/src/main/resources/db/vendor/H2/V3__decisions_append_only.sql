-- The embedded H2 database has no append-only trigger (H2 triggers are Java classes); the audit
-- chain still shows any change. PostgreSQL, the real store, enforces it (vendor/POSTGRES/V3).
SELECT 1;
