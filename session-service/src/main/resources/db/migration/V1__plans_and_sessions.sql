-- The therapists' worklist (the latest plan of each case, waiting for a session) and the sessions themselves.
CREATE TABLE plan_ready (
    case_id        UUID         PRIMARY KEY,
    site_id        VARCHAR(100) NOT NULL,
    patient_ref    VARCHAR(20)  NOT NULL,
    plan_version   INT          NOT NULL,
    primary_origin VARCHAR(40)  NOT NULL,
    plan           TEXT         NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    received_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX plan_ready_site_status ON plan_ready (site_id, status, received_at);

CREATE TABLE treatment_session (
    id            UUID         PRIMARY KEY,
    case_id       UUID         NOT NULL,
    site_id       VARCHAR(100) NOT NULL,
    patient_ref   VARCHAR(20)  NOT NULL,
    therapist_ref VARCHAR(20)  NOT NULL,
    plan_version  INT          NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    -- The session as the domain keeps it (explanation, consent, pain, performed steps, advice): rebuilt per command.
    snapshot      TEXT         NOT NULL,
    -- The therapist's free-text notes: they stay in this service and never go into an event.
    notes         TEXT,
    opened_at     TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       INT          NOT NULL
);
CREATE INDEX treatment_session_site_day ON treatment_session (site_id, opened_at);
CREATE INDEX treatment_session_case ON treatment_session (case_id);
