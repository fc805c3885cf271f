-- Patients (the only place with identity and contact details), their cases and each version of a case's history.

CREATE TABLE patient (
    id              UUID         PRIMARY KEY,
    patient_ref     VARCHAR(20)  NOT NULL UNIQUE,
    given_name      VARCHAR(100),
    family_name     VARCHAR(100),
    birth_date      DATE,
    phone           VARCHAR(40),
    email           VARCHAR(200),
    registered_at   TIMESTAMPTZ  NOT NULL,
    erased_at       TIMESTAMPTZ
);

CREATE TABLE care_case (
    id              UUID         PRIMARY KEY,
    patient_id      UUID         NOT NULL REFERENCES patient (id),
    site_id         VARCHAR(100) NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    external_refs   TEXT         NOT NULL,
    opened_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX care_case_site ON care_case (site_id, opened_at);

CREATE TABLE history_version (
    id               UUID         PRIMARY KEY,
    case_id          UUID         NOT NULL REFERENCES care_case (id),
    version          INT          NOT NULL,
    age_years        INT          NOT NULL,
    content          TEXT         NOT NULL,
    amendment_reason VARCHAR(30),
    recorded_by      VARCHAR(200) NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (case_id, version)
);
