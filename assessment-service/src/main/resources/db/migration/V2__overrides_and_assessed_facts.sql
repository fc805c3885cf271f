-- What each assessment was computed from, so a clinical lead's override can re-assess the same facts: the history as
-- the event carried it, the patient's age and the day the rules measured "recent" against. Rows assessed before this
-- migration have none; an override on them is refused until the history is next amended.
ALTER TABLE assessment ADD COLUMN history      TEXT;
ALTER TABLE assessment ADD COLUMN age_years    INT;
ALTER TABLE assessment ADD COLUMN assessed_on  DATE;
ALTER TABLE assessment ADD COLUMN supersedes_plan_version INT;
-- Who or what produced this version: the history consumer, or a clinical lead's override.
ALTER TABLE assessment ADD COLUMN produced_by  VARCHAR(200);

-- Every clinical-lead override of a case, in order: replayed over each later assessment of the case (an amended
-- history), so an override is reproducible. The free-text reason lives here and in the audit log, never in events.
CREATE TABLE assessment_override (
    id              UUID         PRIMARY KEY,
    case_id         UUID         NOT NULL,
    site_id         VARCHAR(100) NOT NULL,
    seq             INT          NOT NULL,
    target          VARCHAR(20)  NOT NULL,
    origin          VARCHAR(40),
    decision        VARCHAR(40),
    step            VARCHAR(60),
    step_status     VARCHAR(20),
    parameters      TEXT,
    reason          TEXT         NOT NULL,
    overridden_by   VARCHAR(200) NOT NULL,
    overridden_at   TIMESTAMPTZ  NOT NULL,
    assessment_id   UUID         NOT NULL,
    UNIQUE (case_id, seq)
);
CREATE INDEX assessment_site_status_time ON assessment (site_id, status, assessed_at DESC);
