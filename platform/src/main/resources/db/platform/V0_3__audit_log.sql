-- Who did what to which case at which site, and when: append-only (updates and deletes are refused).
CREATE TABLE audit_entry (
    id          BIGSERIAL    PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(100) NOT NULL,
    site_id     VARCHAR(100) NOT NULL,
    case_id     UUID,
    subject_id  VARCHAR(200),
    detail      TEXT
);
CREATE INDEX audit_entry_case ON audit_entry (case_id, occurred_at);
CREATE INDEX audit_entry_site ON audit_entry (site_id, occurred_at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
