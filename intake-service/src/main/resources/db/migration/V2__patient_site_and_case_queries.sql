-- A patient belongs to the site that registered them (cases at other sites make them visible there too), so that the
-- patient-level operations (open a case, export, erase) can be scoped to the caller's sites.
ALTER TABLE patient ADD COLUMN registered_site_id VARCHAR(100);
UPDATE patient p SET registered_site_id = (
    SELECT c.site_id FROM care_case c WHERE c.patient_id = p.id ORDER BY c.opened_at LIMIT 1);
ALTER TABLE patient ALTER COLUMN registered_site_id SET NOT NULL;
CREATE INDEX patient_registered_site ON patient (registered_site_id);

-- Before this version a case was opened and its history recorded in one step.
UPDATE care_case SET status = 'HISTORY_RECORDED' WHERE status = 'OPEN'
    AND EXISTS (SELECT 1 FROM history_version h WHERE h.case_id = care_case.id);

-- A site's case list (filtered by status and opening date) and a patient's cases.
CREATE INDEX care_case_site_status ON care_case (site_id, status, opened_at);
CREATE INDEX care_case_patient ON care_case (patient_id);
