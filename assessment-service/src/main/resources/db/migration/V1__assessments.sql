-- Each assessment of a case history: a plan or a referral, with the event it produced. An amendment's assessment
-- supersedes the case's current one; none is ever overwritten.
CREATE TABLE assessment (
    id                     UUID         PRIMARY KEY,
    case_id                UUID         NOT NULL,
    site_id                VARCHAR(100) NOT NULL,
    patient_ref            VARCHAR(20)  NOT NULL,
    history_version        INT          NOT NULL,
    plan_version           INT,
    disposition            VARCHAR(20)  NOT NULL,
    status                 VARCHAR(20)  NOT NULL,
    primary_origin         VARCHAR(40),
    urgency                VARCHAR(20),
    rules_version          VARCHAR(40)  NOT NULL,
    event_type             VARCHAR(200) NOT NULL,
    content                TEXT         NOT NULL,
    assessed_at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX assessment_case ON assessment (case_id, assessed_at);
CREATE INDEX assessment_site_status ON assessment (site_id, status);
-- At most one current assessment per case.
CREATE UNIQUE INDEX assessment_current ON assessment (case_id) WHERE status = 'CURRENT';
