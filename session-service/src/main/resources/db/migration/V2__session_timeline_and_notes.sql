-- The session's timeline: one entry per thing recorded (explanation, consent, pain, step, heat removal, advice, end),
-- with who recorded it and when, in the order it happened. Entries are only ever appended.
CREATE TABLE session_entry (
    id          BIGSERIAL    PRIMARY KEY,
    session_id  UUID         NOT NULL REFERENCES treatment_session (id),
    kind        VARCHAR(40)  NOT NULL,
    recorded_by VARCHAR(200) NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    -- What the domain recorded, as JSON (the session event); never free text from the therapist.
    entry       TEXT         NOT NULL
);
CREATE INDEX session_entry_session ON session_entry (session_id, id);

-- Who last wrote the free-text notes, and when: the notes themselves stay in treatment_session.notes.
ALTER TABLE treatment_session ADD COLUMN notes_updated_by VARCHAR(200);
ALTER TABLE treatment_session ADD COLUMN notes_updated_at TIMESTAMPTZ;
