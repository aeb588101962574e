-- The shared ledger's wall, part one: run once by `ai-settings db init` as the ledger's owning role (@ledger@,
-- which nobody logs in as), after the tables exist in the schema ai_settings; postgres-functions.sql follows, and
-- runs again when db init upgrades the ledger. Members hold one of the group roles @owner@,
-- @admin@, @recorder@ or @viewer@; they may read the tables and call these functions, and write nothing
-- directly. Every function runs as @ledger@ with a fixed search_path, so that nothing a member creates elsewhere
-- can stand in for what it calls, and checks the caller's role first. Placeholders are replaced by quoted names.

-- Who is a member is what the server says: the grants of the group roles. A role in two groups counts with the
-- stronger one.
DROP TABLE members;
CREATE VIEW members AS
SELECT DISTINCT ON (u.rolname) u.rolname::text AS user_name, r.role
FROM pg_catalog.pg_auth_members m
JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
JOIN ledger_roles r ON r.pg_role = g.rolname::text AND r.role <> 'ledger'
JOIN pg_catalog.pg_roles u ON u.oid = m.member
WHERE u.rolname::text <> (SELECT pg_role FROM ledger_roles WHERE role = 'ledger')
ORDER BY u.rolname, r.rank;

-- The audit trail only grows, whoever asks: even its owner cannot change or delete a line without first
-- dropping this trigger, which db check reports.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail cannot be changed or deleted, only added to.' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

