-- Appointments (never double-booked: the database refuses overlapping live appointments of one therapist) and
-- follow-up tasks for a person when no appointment should or could be made.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE appointment (
    id             UUID         PRIMARY KEY,
    case_id        UUID         NOT NULL,
    site_id        VARCHAR(100) NOT NULL,
    patient_ref    VARCHAR(20)  NOT NULL,
    therapist_ref  VARCHAR(20)  NOT NULL,
    starts_at      TIMESTAMPTZ  NOT NULL,
    ends_at        TIMESTAMPTZ  NOT NULL,
    state          VARCHAR(20)  NOT NULL,
    sequence       INT          NOT NULL,
    reason         VARCHAR(40)  NOT NULL,
    changed_by     VARCHAR(40)  NOT NULL,
    previous_start TIMESTAMPTZ,
    previous_end   TIMESTAMPTZ,
    cancel_reason  VARCHAR(40),
    flagged_for_lead BOOLEAN    NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT appointment_no_double_booking EXCLUDE USING gist (
        therapist_ref WITH =, tstzrange(starts_at, ends_at) WITH &&
    ) WHERE (state <> 'CANCELLED')
);
CREATE INDEX appointment_case ON appointment (case_id);
CREATE INDEX appointment_site_day ON appointment (site_id, starts_at);

CREATE TABLE followup_task (
    id              UUID         PRIMARY KEY,
    case_id         UUID         NOT NULL,
    site_id         VARCHAR(100) NOT NULL,
    patient_ref     VARCHAR(20)  NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    reason          VARCHAR(40)  NOT NULL,
    due_by          TIMESTAMPTZ  NOT NULL,
    window_earliest DATE,
    window_latest   DATE,
    flagged_for_lead BOOLEAN    NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX followup_task_site_status ON followup_task (site_id, status, due_by);
