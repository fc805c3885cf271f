-- The episode of care: the baseline recorded at intake and every visit after it, so the recovery can be followed,
-- judged against the episode policy, and closed (discharged or lapsed). Pseudonymous: a patient ref, codes and scores.
CREATE TABLE episode (
    case_id          UUID         PRIMARY KEY,
    site_id          VARCHAR(100) NOT NULL,
    patient_ref      VARCHAR(20)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    baseline_nrs     INT,
    baseline_odi     INT,
    baseline_rmdq    INT,
    flagged_for_lead BOOLEAN      NOT NULL,
    policy_version   VARCHAR(40),
    opened_at        TIMESTAMPTZ  NOT NULL,
    closed_at        TIMESTAMPTZ
);
CREATE INDEX episode_site_status ON episode (site_id, status);

CREATE TABLE episode_visit (
    id             UUID        PRIMARY KEY,
    case_id        UUID        NOT NULL REFERENCES episode (case_id),
    visit          INT         NOT NULL,
    appointment_id UUID,
    started_at     TIMESTAMPTZ NOT NULL,
    pain_nrs       INT,
    odi            INT,
    rmdq           INT,
    reviewed_at    TIMESTAMPTZ,
    plan_version   INT,
    steps_done     TEXT,
    -- The session-completed event of the visit as JSON (codes only), kept until the visit is decided.
    session_event  TEXT,
    session_ended  VARCHAR(20),
    session_at     TIMESTAMPTZ,
    mic_reached    BOOLEAN,
    decision       VARCHAR(40),
    decided_at     TIMESTAMPTZ,
    UNIQUE (case_id, visit)
);
-- An episode never has two open visits: a visit is open from its start until its session has ended.
CREATE UNIQUE INDEX episode_one_open_visit ON episode_visit (case_id) WHERE session_ended IS NULL;
