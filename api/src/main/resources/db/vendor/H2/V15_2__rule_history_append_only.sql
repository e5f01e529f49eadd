-- The embedded H2 database has no append-only trigger (vendor/H2/V3); the change log's chain still shows any change.
SELECT 1;
