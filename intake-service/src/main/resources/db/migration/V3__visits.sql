-- The follow-up visits of each case's episode of care: opened when follow-up reports the patient came (visit-started),
-- reviewed once, by a new history version. Visit 1 is the intake itself and has no row.
CREATE TABLE visit (
    case_id                  UUID         NOT NULL REFERENCES care_case (id),
    visit                    INT          NOT NULL,
    appointment_id           UUID         NOT NULL,
    started_at               TIMESTAMPTZ  NOT NULL,
    reviewed_history_version INT,
    PRIMARY KEY (case_id, visit)
);

-- What made each history version: the intake's first history, an amendment (with its reason), or a visit's review.
-- amendment_reason keeps its meaning (null unless an amendment), so its readers are unaffected.
ALTER TABLE history_version ADD COLUMN kind VARCHAR(30);
UPDATE history_version SET kind = CASE WHEN amendment_reason IS NULL THEN 'INTAKE' ELSE 'AMENDMENT' END;
ALTER TABLE history_version ALTER COLUMN kind SET NOT NULL;
ALTER TABLE history_version ADD COLUMN visit INT;
